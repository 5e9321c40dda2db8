package cn.zhibu.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A node of the organisation tree, with its materialised path {@code /<root>/.../<self>/}. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    public UUID id;

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

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean archived() {
        return archivedAt != null;
    }

    /** Whether this unit is {@code other} or lies under it. */
    public boolean within(OrgUnit other) {
        return path.startsWith(other.path);
    }
}
