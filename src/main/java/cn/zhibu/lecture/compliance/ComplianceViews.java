package cn.zhibu.lecture.compliance;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.lecture.compliance.ComplianceCalculator.Mark;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of organisational life requirements, the compliance view and study hours (学时). */
public final class ComplianceViews {

    static final String MOST = "1000000";
    static final String MOST_HOURS = "100000";

    private ComplianceViews() {
    }

    @Schema(name = "OrgLifeRequirement", description = "How often a branch holds a kind of session")
    public record Requirement(PartyDayKind kind, Frequency frequency,
            @Schema(description = "The default (zhibu.org-life.frequency.*), which holds unless the branch chose")
            Frequency defaultFrequency,
            @Schema(description = "Whether the branch chose the frequency (false: the default)") boolean chosen) {
    }

    @Schema(name = "OrgLifeRequirements", description = "How often a branch holds each kind of session: every kind, "
            + "the branch's choices over the defaults of the 支部工作条例")
    public record Requirements(UUID branchId,
            @Schema(description = "Every kind, in the order of the kinds", minItems = 9, maxItems = 9)
            List<Requirement> requirements,
            @Schema(description = "Version; the ETag (0 while the branch has chosen nothing)", minimum = "0",
                    examples = "0") long version,
            @Schema(description = "Who chose last (account id); null while nobody has", maxLength = 80,
                    pattern = "^[A-Za-z0-9:._-]{1,80}$", nullable = true) String updatedBy,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant updatedAt) {
    }

    @Schema(name = "OrgLifeRequirementChoice", description = "A branch's frequency for one kind")
    public record Choice(
            @Schema(required = true, examples = "PARTY_LECTURE") @NotNull PartyDayKind kind,
            @Schema(required = true, examples = "MONTHLY") @NotNull Frequency frequency) {
    }

    @Schema(name = "OrgLifeRequirementsChange", description = "A branch's frequencies: the kinds named take the "
            + "frequency given, the others go back to their defaults. Each kind at most once.")
    public record Change(
            @Schema(required = true, maxItems = 9) @NotNull @Size(max = 9) List<@NotNull @Valid Choice> requirements) {
    }

    @Schema(name = "ComplianceSession", description = "A session of a period, held or planned")
    public record Session(UUID partyDayId,
            @Schema(format = "date") LocalDate heldOn,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String theme,
            PartyDayState state,
            @Schema(description = "HELD: held, or started and not cancelled; PLANNED: not started yet")
            Mark counted,
            @Schema(description = "Members present; null for a session not held", minimum = "0", maximum = MOST,
                    nullable = true) Integer present,
            @Schema(description = "Members expected: the party group's members on the day (party group meetings), "
                    + "the branch committee's roster (branch committee meetings, where the branch keeps one), else "
                    + "the branch's members on the day; and anyone with an attendance record. Null for a session "
                    + "not held", minimum = "0", maximum = MOST, nullable = true)
            Integer expected,
            @Schema(description = "present / expected, 0 to 1 (null when not held or nobody is expected)",
                    minimum = "0", maximum = "1", nullable = true) Double attendanceRate) {
    }

    @Schema(name = "CompliancePeriod", description = "One period of a kind's frequency (month, quarter, half or "
            + "year) and where it stands")
    public record Period(
            @Schema(description = "1 to 12 (months), 1 to 4 (quarters), 1 to 2 (halves) or 1", minimum = "1",
                    maximum = "12") int number,
            @Schema(format = "date") LocalDate from,
            @Schema(format = "date") LocalDate to,
            PeriodState state,
            @Schema(maxItems = 1000) List<Session> sessions) {
    }

    @Schema(name = "KindCompliance", description = "A kind's year in a branch (for PARTY_GROUP_MEETING, one per "
            + "party group of the branch): required = held + missed + due + upcoming periods")
    public record Kind(PartyDayKind kind,
            @Schema(description = "The party group, for PARTY_GROUP_MEETING of a branch that has them",
                    format = "uuid", pattern = Patterns.UUID, nullable = true) UUID partyGroupId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, nullable = true) String partyGroupName,
            Frequency frequency,
            @Schema(description = "Periods of the year at the frequency", minimum = "0", maximum = "12") int required,
            @Schema(minimum = "0", maximum = "12") int held,
            @Schema(minimum = "0", maximum = "12") int missed,
            @Schema(minimum = "0", maximum = "1") int due,
            @Schema(minimum = "0", maximum = "12") int upcoming,
            @Schema(description = "Sessions of the kind held in the year (with no requirement too)", minimum = "0",
                    maximum = MOST) int sessionsHeld,
            @Schema(maxItems = 12) List<Period> periods) {
    }

    @Schema(name = "KindComplianceTotals", description = "A kind's year in a branch, in figures (party groups' "
            + "meetings summed over the groups)")
    public record Totals(PartyDayKind kind, Frequency frequency,
            @Schema(minimum = "0", maximum = MOST) int required,
            @Schema(minimum = "0", maximum = MOST) int held,
            @Schema(minimum = "0", maximum = MOST) int missed,
            @Schema(minimum = "0", maximum = MOST) int due,
            @Schema(minimum = "0", maximum = MOST) int upcoming,
            @Schema(minimum = "0", maximum = MOST) int sessionsHeld) {
    }

    @Schema(name = "BranchCompliance", description = "One branch's year in figures: a row of the side-by-side view")
    public record BranchRow(UUID branchId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT) String branchName,
            @Schema(maxItems = 9) List<Totals> kinds,
            @Schema(description = "Members whose year's study hours are below the requirement", minimum = "0",
                    maximum = MOST) int membersBelowStudyHours) {
    }

    @Schema(name = "MemberStudyHours", description = "A member's study hours of the year")
    public record MemberHours(UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT) String name,
            @Schema(minimum = "0", maximum = MOST_HOURS, multipleOf = 0.5) BigDecimal earned,
            @Schema(description = "Whether below even the pro-rata expectation to date") boolean belowExpectedToDate) {
    }

    @Schema(name = "StudyHoursCompliance", description = "The branch's party members (full and probationary, "
            + "members in the year) whose study hours of the year are below the requirement, fewest first")
    public record Hours(
            @Schema(description = "The yearly requirement (zhibu.org-life.yearly-study-hours)", minimum = "0",
                    maximum = "1000") BigDecimal required,
            @Schema(description = "The requirement pro rata to the day (whole year: required; a year ahead: 0), "
                    + "rounded down to a half hour", minimum = "0", maximum = "1000") BigDecimal expectedToDate,
            @Schema(description = "Party members of the branch in the year", minimum = "0", maximum = MOST) int members,
            @Schema(description = "How many of them are below the requirement", minimum = "0", maximum = MOST)
            int membersBelow,
            @Schema(maxItems = 1000) List<MemberHours> below,
            @Schema(description = "Whether more members are below than listed") boolean truncated) {
    }

    @Schema(name = "ComplianceReport", description = "A unit's year of organisational life: for a branch, each "
            + "kind's periods with their sessions and attendance, and members below their study hours; for a "
            + "committee, its branches side by side. Periods count as of asOf.")
    public record Report(UUID unitId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT) String unitName,
            OrgUnitKind unitKind,
            @Schema(minimum = "2000", maximum = "9999", format = "int32") int year,
            @Schema(description = "The business day the periods are counted at", format = "date") LocalDate asOf,
            @Schema(description = "A branch's kinds in detail; empty for a committee", maxItems = 100)
            List<Kind> kinds,
            @Schema(description = "A branch's members below their study hours; null for a committee",
                    nullable = true) Hours studyHours,
            @Schema(description = "One row per branch: the branch itself, or the committee's branches (all under it)",
                    maxItems = 200) List<BranchRow> branches,
            @Schema(description = "Whether the committee has more branches than listed") boolean truncated) {
    }

    /** Where a session's study hours come from. */
    @Schema(name = "StudyHoursSource", description = "SESSION: the session's own hours; KIND: its kind's "
            + "setting; DURATION: its duration, rounded to the nearest half hour")
    public enum HoursSource {
        /** The session's own study hours. */
        SESSION,
        /** Its kind's setting (zhibu.org-life.study-hours.*). */
        KIND,
        /** Its duration, rounded to the nearest half hour. */
        DURATION
    }

    @Schema(name = "StudyHoursSessionCredit", description = "Hours an attended session credits")
    public record SessionCredit(UUID partyDayId, PartyDayKind kind,
            @Schema(format = "date") LocalDate heldOn,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String theme,
            @Schema(minimum = "0", maximum = "12", multipleOf = 0.5) BigDecimal hours,
            HoursSource source) {
    }

    @Schema(name = "StudyHoursMaterialCredit", description = "Hours a studied material credits: the first "
            + "credited check-in on it dates them")
    public record MaterialCredit(UUID materialId,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            @Schema(format = "date") LocalDate studiedOn,
            @Schema(minimum = "0", maximum = "12", multipleOf = 0.5) BigDecimal hours) {
    }

    @Schema(name = "StudyHours", description = "A person's study hours (学时) of a year: sessions attended (present) "
            + "that were held, and study materials with hours that they checked in on (credited), against the "
            + "yearly requirement")
    public record PersonHours(UUID personId,
            @Schema(minimum = "2000", maximum = "9999", format = "int32") int year,
            @Schema(minimum = "0", maximum = MOST_HOURS, multipleOf = 0.5) BigDecimal earned,
            @Schema(minimum = "0", maximum = "1000") BigDecimal required,
            @Schema(description = "The requirement pro rata to the day", minimum = "0", maximum = "1000")
            BigDecimal expectedToDate,
            @Schema(minimum = "0", maximum = MOST_HOURS, multipleOf = 0.5) BigDecimal fromSessions,
            @Schema(minimum = "0", maximum = MOST_HOURS, multipleOf = 0.5) BigDecimal fromMaterials,
            @Schema(description = "The sessions, latest first", maxItems = 1000) List<SessionCredit> sessions,
            @Schema(description = "The materials, latest first", maxItems = 1000) List<MaterialCredit> materials) {
    }
}
