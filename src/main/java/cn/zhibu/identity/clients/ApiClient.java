package cn.zhibu.identity.clients;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A script's or dashboard's credentials: scopes on an org subtree, the secret kept hashed. */
@Entity
@Table(name = "api_client")
public class ApiClient extends VersionedEntity {

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String name;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    /** When the secret last changed: tokens issued before are refused. */
    @Column(name = "secret_rotated_at", nullable = false)
    public Instant secretRotatedAt;

    /** Space-separated, as in OAuth. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "org_unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;
}
