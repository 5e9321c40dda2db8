package cn.zhibu.org;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A node of the organisation tree, with its materialised path {@code /<root>/.../<self>/}. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends VersionedEntity {

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrgUnitKind kind;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(name = "short_name", nullable = false, length = 16)
    public String shortName;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false, length = 1024, unique = true)
    public String path;

    @Column(name = "archived_at")
    public Instant archivedAt;

    public boolean archived() {
        return archivedAt != null;
    }

    /** Whether this unit is {@code other} or lies under it. */
    public boolean within(OrgUnit other) {
        return path.startsWith(other.path);
    }
}
