package cn.zhibu.lecture.rotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Days (inclusive) on which a party group or department cannot host a party day. */
@Entity
@Table(name = "host_blackout")
public class HostBlackout extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    public LocalDate toDate;

    @Column(length = 200)
    public String reason;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
