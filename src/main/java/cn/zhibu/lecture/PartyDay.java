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

/** A session of a branch (主题党日, 党课, 学习会) with its host unit and lecture slots. */
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
}
