package cn.zhibu.annual.campaign;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of a unit's evaluations of a year (评选), run in the stages of its timetable. */
@Entity
@Table(name = "campaign")
public class Campaign extends VersionedEntity {

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public CampaignType type;

    @Column(nullable = false, length = 64)
    public String title;

    /** The grades raters choose from, best first. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(16)[]")
    public String[] scale;

    /** The decision's quota as a number of ratees given the best grade; null when a share (or nothing) caps it. */
    @Column(name = "quota_count")
    public Integer quotaCount;

    /** The decision's quota as a share of the ratees; null when a number (or nothing) caps it. */
    @Column(name = "quota_share", precision = 4, scale = 3)
    public BigDecimal quotaShare;

    @Column(name = "publicity_working_days")
    public Integer publicityWorkingDays;

    /** Whether units (through their secretary or leader) rate candidates beside members. */
    @Column(name = "unit_raters", nullable = false)
    public boolean unitRaters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CampaignState state;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_stage", joinColumns = @JoinColumn(name = "campaign_id"))
    public List<Stage> stages = new ArrayList<>();

    /** The stage of this kind, if the campaign's type has it. */
    public Optional<Stage> stage(StageKind kind) {
        return stages.stream().filter(stage -> stage.kind == kind).findFirst();
    }

    /** Whether the stage of this kind is open at {@code at} (and the campaign still open). */
    public boolean isOpen(StageKind kind, Instant at) {
        return state == CampaignState.OPEN && stage(kind).map(stage -> stage.isOpenAt(at)).orElse(false);
    }

    /** One stage of the timetable, open from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
    @Embeddable
    public static class Stage {

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 24)
        public StageKind kind;

        @Column(name = "opens_at", nullable = false)
        public Instant opensAt;

        @Column(name = "closes_at", nullable = false)
        public Instant closesAt;

        public Stage() {
        }

        public Stage(StageKind kind, Instant opensAt, Instant closesAt) {
            this.kind = kind;
            this.opensAt = opensAt;
            this.closesAt = closesAt;
        }

        public boolean isOpenAt(Instant at) {
            return !at.isBefore(opensAt) && at.isBefore(closesAt);
        }
    }
}
