package cn.zhibu.lecture;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session of a branch (三会一课, 主题党日, 组织生活会, ...) with its host unit and lecture slots. */
@Entity
@Table(name = "party_day")
public class PartyDay extends VersionedEntity {

    @Column(name = "branch_id", nullable = false)
    public UUID branchId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public PartyDayKind kind;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** The day it is held in the business time zone. */
    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false, length = 100)
    public String theme;

    @Column(length = 100)
    public String place;

    @Column(length = 2000)
    public String agenda;

    @Column(name = "host_unit_id")
    public UUID hostUnitId;

    /** Why the host unit hosts: the rotation's reason, or CHOSEN by a secretary. */
    @Column(name = "host_reason", length = 16)
    public String hostReason;

    @Column(name = "lecture_slots", nullable = false)
    public int lectureSlots;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PartyDayState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SessionFormat format;

    /** The party group whose meeting it is (PARTY_GROUP_MEETING only). */
    @Column(name = "party_group_id")
    public UUID partyGroupId;

    /** The study hours it credits its attendees, when not its kind's setting. */
    @Column(name = "study_hours", precision = 3, scale = 1)
    public BigDecimal studyHours;

    /** The rites held (政治仪式), names of {@link Rite}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(24)[]")
    public String[] rites;
}
