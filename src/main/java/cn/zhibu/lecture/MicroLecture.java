package cn.zhibu.lecture;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One lecture slot (微型党课) of a party day, its speaker and, once recorded, whether it was delivered. */
@Entity
@Table(name = "micro_lecture")
public class MicroLecture extends VersionedEntity {

    @Column(name = "party_day_id", nullable = false)
    public UUID partyDayId;

    @Column(nullable = false)
    public int slot;

    @Column(name = "speaker_id")
    public UUID speakerId;

    /** Why the speaker has the slot: a rotation reason, SWAPPED or REASSIGNED. */
    @Column(length = 16)
    public String reason;

    @Column(name = "last_lecture_on")
    public LocalDate lastLectureOn;

    /** Set by a swap or a secretary: re-planning keeps it. */
    @Column(nullable = false)
    public boolean pinned;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LectureOutcome outcome;

    @Column(length = 100)
    public String topic;

    @Column(length = 2000)
    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(2048)[]")
    public String[] links;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by", length = 80)
    public String recordedBy;
}
