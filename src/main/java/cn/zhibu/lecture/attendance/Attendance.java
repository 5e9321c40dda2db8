package cn.zhibu.lecture.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A member's attendance of a session: present (by code or recorded), on leave (请假) or absent. */
@Entity
@Table(name = "attendance")
@IdClass(Attendance.Key.class)
public class Attendance extends PanacheEntityBase {

    @Id
    @Column(name = "party_day_id")
    public UUID partyDayId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AttendanceStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AttendanceMethod method;

    @Column(length = 200)
    public String reason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 80)
    public String recordedBy;

    /** The key: a session and a person. */
    public static class Key implements Serializable {

        public UUID partyDayId;
        public UUID personId;

        public Key() {
        }

        public Key(UUID partyDayId, UUID personId) {
            this.partyDayId = partyDayId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(partyDayId, key.partyDayId)
                    && Objects.equals(personId, key.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partyDayId, personId);
        }
    }
}
