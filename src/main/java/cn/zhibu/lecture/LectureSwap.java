package cn.zhibu.lecture;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A speaker's request that a colleague take their lecture slot. */
@Entity
@Table(name = "lecture_swap")
public class LectureSwap extends PanacheEntityBase {

    /** Where a swap request stands. LAPSED: its session was held or cancelled, or its slot changed hands. */
    public enum State {
        PENDING, ACCEPTED, DECLINED, WITHDRAWN, LAPSED
    }

    @Id
    public UUID id;

    @Column(name = "lecture_id", nullable = false)
    public UUID lectureId;

    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;

    @Column(name = "colleague_id", nullable = false)
    public UUID colleagueId;

    @Column(length = 200)
    public String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The lecture's open requests lapse, but one its speaker now made ({@code speakerNow}, may be null). */
    public static void lapseOpen(UUID lectureId, UUID speakerNow, Instant now) {
        update("state = ?1, decidedAt = ?2 where lectureId = ?3 and state = ?4 and requestedBy <> ?5", State.LAPSED,
                now, lectureId, State.PENDING, speakerNow == null ? new UUID(0, 0) : speakerNow);
    }
}
