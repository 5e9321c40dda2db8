package cn.zhibu.integrity.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One read, refusal or write of integrity files: never changed, deleted only by the purge after retention. */
@Entity
@Immutable
@Table(name = "integrity_audit")
public class AuditRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_kind", nullable = false, length = 16)
    public String actorKind;

    /** The account or API client. */
    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_person_id")
    public UUID actorPersonId;

    @Column(nullable = false, length = 32)
    public String action;

    @Column(name = "file_id")
    public UUID fileId;

    /** Where the file was at the time: org admins search the audit of their subtree. */
    @Column(name = "unit_id")
    public UUID unitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "entry_ids", nullable = false)
    public UUID[] entryIds;

    @Column(name = "declaration_id")
    public UUID declarationId;

    @Column(length = 32)
    public String purpose;

    @Column(name = "purpose_detail", length = 500)
    public String purposeDetail;

    @Column(nullable = false, length = 16)
    public String outcome;

    @Column(nullable = false)
    public int status;

    /** A refusal's problem code. */
    @Column(length = 64)
    public String reason;

    @Column(name = "client_address", length = 64)
    public String clientAddress;

    /** Method and path, without the query. */
    @Column(nullable = false, length = 300)
    public String request;
}
