package cn.zhibu.lecture.rotation;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the rotation goes by besides the sessions: a branch's settings, members' absences, units' blackouts. */
@ApplicationScoped
public class RotationRules {

    static final int MOST_LISTED = 1000;
    static final int LONGEST_RANGE_DAYS = 731;
    /** A member marks at most a month unavailable at a time; longer is an exemption, for a secretary to give. */
    static final int MOST_OWN_DAYS = 30;

    private final RotationInputs inputs;
    private final BusinessCalendar calendar;

    RotationRules(RotationInputs inputs, BusinessCalendar calendar) {
        this.inputs = inputs;
        this.calendar = calendar;
    }

    /** Refuses (404) a unit that is not a branch. */
    public void requireBranch(UUID unitId) {
        OrgUnit.<OrgUnit>findByIdOptional(unitId).filter(u -> u.kind == OrgUnitKind.BRANCH)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    public RotationViews.Settings settings(UUID branchId) {
        return Optional.ofNullable(RotationSetting.<RotationSetting>findById(branchId))
                .map(s -> new RotationViews.Settings(branchId, s.newcomerDays, s.probationaryEligible, true, s.version))
                .orElse(new RotationViews.Settings(branchId, RotationInputs.DEFAULT_NEWCOMER_DAYS, false, false, 0));
    }

    /** The first choice without If-Match; later ones with the If-Match of the settings last read. */
    @Transactional
    public RotationViews.Settings choose(UUID branchId, String ifMatch, RotationViews.SettingsChange change) {
        inputs.lock(branchId);
        RotationSetting setting = RotationSetting.findById(branchId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (setting == null) {
            setting = new RotationSetting();
            setting.branchId = branchId;
            setting.createdAt = calendar.now();
        } else {
            IfMatch.parse(ifMatch).check(setting.version);
        }
        setting.newcomerDays = change.newcomerDays();
        setting.probationaryEligible = change.probationaryEligible();
        setting.updatedAt = calendar.now();
        setting.persistAndFlush();
        return settings(branchId);
    }

    @Transactional
    public RotationViews.Absence absent(UUID branchId, RotationViews.AbsenceCreate request, String by, boolean own) {
        range(request.from(), request.to());
        if (own && request.from().plusDays(MOST_OWN_DAYS).isBefore(request.to())) {
            throw new ProblemException(LectureProblem.UNAVAILABLE_TOO_LONG, MOST_OWN_DAYS + 1);
        }
        inputs.lock(branchId);
        if (inputs.member(branchId, request.personId()).isEmpty()) {
            throw new ProblemException(LectureProblem.ATTENDEE_NOT_MEMBER, request.personId().toString());
        }
        SpeakerAbsence absence = new SpeakerAbsence();
        absence.id = UUID.randomUUID();
        absence.branchId = branchId;
        absence.personId = request.personId();
        absence.kind = request.kind();
        absence.fromDate = request.from();
        absence.toDate = request.to();
        absence.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
        absence.createdBy = by;
        absence.createdAt = calendar.now();
        absence.persist();
        return view(absence);
    }

    public Optional<RotationViews.Absence> absence(UUID branchId, UUID id) {
        return SpeakerAbsence.<SpeakerAbsence>findByIdOptional(id).filter(a -> a.branchId.equals(branchId))
                .map(RotationRules::view);
    }

    /** The branch's absences, or one person's, latest first (the latest 1000). */
    public List<RotationViews.Absence> absences(UUID branchId, Optional<UUID> personId) {
        var query = personId.isPresent()
                ? SpeakerAbsence.<SpeakerAbsence>find("branchId = ?1 and personId = ?2 order by fromDate desc, id",
                        branchId, personId.get())
                : SpeakerAbsence.<SpeakerAbsence>find("branchId = ?1 order by fromDate desc, id", branchId);
        return query.range(0, MOST_LISTED - 1).list().stream().map(RotationRules::view).toList();
    }

    @Transactional
    public void removeAbsence(UUID branchId, UUID id) {
        inputs.lock(branchId);
        SpeakerAbsence.deleteById(id);
    }

    @Transactional
    public RotationViews.Blackout blackout(UUID branchId, RotationViews.BlackoutCreate request, String by) {
        range(request.from(), request.to());
        inputs.lock(branchId);
        OrgUnit.<OrgUnit>findByIdOptional(request.unitId())
                .filter(u -> branchId.equals(u.parentId) && !u.archived()
                        && (u.kind == OrgUnitKind.DEPARTMENT || u.kind == OrgUnitKind.PARTY_GROUP))
                .orElseThrow(() -> new ProblemException(LectureProblem.PARTY_DAY_HOST_NOT_IN_BRANCH,
                        request.unitId().toString()));
        HostBlackout blackout = new HostBlackout();
        blackout.id = UUID.randomUUID();
        blackout.unitId = request.unitId();
        blackout.fromDate = request.from();
        blackout.toDate = request.to();
        blackout.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
        blackout.createdBy = by;
        blackout.createdAt = calendar.now();
        blackout.persist();
        return view(blackout);
    }

    public List<RotationViews.Blackout> blackouts(UUID branchId) {
        return HostBlackout.<HostBlackout>find("unitId in (select u.id from OrgUnit u where u.parentId = ?1) "
                + "order by fromDate desc, id", branchId).range(0, MOST_LISTED - 1).list().stream()
                .map(RotationRules::view).toList();
    }

    @Transactional
    public void removeBlackout(UUID branchId, UUID id) {
        inputs.lock(branchId);
        HostBlackout blackout = HostBlackout.<HostBlackout>findByIdOptional(id)
                .filter(b -> OrgUnit.<OrgUnit>findByIdOptional(b.unitId).filter(u -> branchId.equals(u.parentId))
                        .isPresent())
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        blackout.delete();
    }

    private static void range(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(LONGEST_RANGE_DAYS).isBefore(to)) {
            throw new ProblemException(LectureProblem.LECTURE_DATES_INCONSISTENT, to.toString(), from.toString());
        }
    }

    private static RotationViews.Absence view(SpeakerAbsence a) {
        return new RotationViews.Absence(a.id, a.branchId, a.personId, a.kind, a.fromDate, a.toDate, a.reason,
                a.createdAt);
    }

    private static RotationViews.Blackout view(HostBlackout b) {
        return new RotationViews.Blackout(b.id, b.unitId, b.fromDate, b.toDate, b.reason, b.createdAt);
    }
}
