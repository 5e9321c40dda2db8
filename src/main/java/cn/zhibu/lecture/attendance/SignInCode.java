package cn.zhibu.lecture.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time code shown on site for a session: it signs in one member, then the next code shows. */
@Entity
@Table(name = "sign_in_code")
public class SignInCode extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "party_day_id", nullable = false)
    public UUID partyDayId;

    @Column(nullable = false, length = 8)
    public String code;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_by")
    public UUID usedBy;

    @Column(name = "used_at")
    public Instant usedAt;
}
