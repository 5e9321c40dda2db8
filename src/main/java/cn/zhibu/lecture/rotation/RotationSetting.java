package cn.zhibu.lecture.rotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A branch's rotation settings; a branch without one has the defaults. */
@Entity
@Table(name = "rotation_setting")
public class RotationSetting extends PanacheEntityBase {

    @Id
    @Column(name = "branch_id")
    public UUID branchId;

    @Column(name = "newcomer_days", nullable = false)
    public int newcomerDays;

    @Column(name = "probationary_eligible", nullable = false)
    public boolean probationaryEligible;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
