package cn.zhibu.study.checkin;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.people.Membership;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.study.StudyMaterialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Make-ups (补卡): a member asks to check in a missed day, within the make-up window and the monthly
 * limit; a reviewer of their branch approves (the check-in is made on that day and MAKE_UP_CHECK_IN is
 * credited dated to it) or rejects, once.
 */
@ApplicationScoped
public class MakeUpService {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CheckInSettings settings;
    private final StudyMaterialService materials;
    private final CheckInService checkIns;
    private final CheckInReviewNotices notices;

    MakeUpService(EntityManager em, BusinessCalendar calendar, CheckInSettings settings, StudyMaterialService materials,
            CheckInService checkIns, CheckInReviewNotices notices) {
        this.em = em;
        this.calendar = calendar;
        this.settings = settings;
        this.materials = materials;
        this.checkIns = checkIns;
        this.notices = notices;
    }

    @Transactional
    public CheckInViews.MakeUpView request(UUID personId, UUID branchId, CheckInViews.MakeUpCreate request,
            String createdBy) {
        checkIns.lockPerson(personId);
        LocalDate day = request.businessDate();
        LocalDate today = calendar.today();
        LocalDate earliest = today.minusDays(settings.makeUpDays());
        if (!day.isBefore(today) || day.isBefore(earliest)) {
            throw new ProblemException(CheckInProblem.MAKE_UP_OUT_OF_WINDOW, day.toString(), earliest.toString(),
                    today.minusDays(1).toString());
        }
        if (Membership.count("personId = ?1 and orgUnitId = ?2 and startDate <= ?3 and (endDate is null or endDate >= ?3)",
                personId, branchId, day) == 0) {
            throw new ProblemException(CheckInProblem.MAKE_UP_BEFORE_MEMBERSHIP, day.toString());
        }
        if (request.materialId() != null) {
            materials.requireOpenOn(personId, request.materialId(), day);
        } else if (request.note() == null) {
            throw new ProblemException(CheckInProblem.CHECK_IN_NOTE_REQUIRED);
        }
        checkIns.refuseExisting(personId, day, request.materialId());
        String same = request.materialId() == null ? "materialId is null" : "materialId = :material";
        Map<String, Object> parameters = new HashMap<>(Map.of("person", personId, "day", day, "rejected",
                MakeUpStatus.REJECTED));
        if (request.materialId() != null) {
            parameters.put("material", request.materialId());
        }
        if (MakeUp.count("personId = :person and businessDate = :day and status <> :rejected and " + same,
                parameters) > 0) {
            throw new ProblemException(CheckInProblem.MAKE_UP_EXISTS, day.toString());
        }
        LocalDate monthStart = day.withDayOfMonth(1);
        long thisMonth = MakeUp.count("personId = ?1 and businessDate between ?2 and ?3 and status <> ?4", personId,
                monthStart, monthStart.plusMonths(1).minusDays(1), MakeUpStatus.REJECTED);
        if (thisMonth >= settings.makeUpsPerMonth()) {
            throw new ProblemException(CheckInProblem.MAKE_UP_LIMIT_REACHED, settings.makeUpsPerMonth(),
                    monthStart.toString().substring(0, 7));
        }
        MakeUp makeUp = MakeUp.request(personId, branchId, request.materialId(), day, request.reason(), request.note(),
                createdBy, calendar.now());
        makeUp.persist();
        return CheckInViews.MakeUpView.of(makeUp, null);
    }

    /** Approves a pending make-up: the check-in on the missed day, MAKE_UP_CHECK_IN credited dated to it. */
    @Transactional
    public CheckInViews.MakeUpView approve(UUID id, String reviewer) {
        MakeUp makeUp = pending(id);
        CheckInViews.View checkIn = checkIns.record(makeUp.personId, makeUp.branchId, makeUp.materialId,
                makeUp.businessDate, makeUp.note, makeUp.id, ActivityType.MAKE_UP_CHECK_IN, calendar.now(), reviewer);
        makeUp.approve(checkIn.id(), reviewer, calendar.now());
        notices.decided(makeUp);
        return CheckInViews.MakeUpView.of(makeUp, checkIn.points());
    }

    @Transactional
    public CheckInViews.MakeUpView reject(UUID id, String reason, String reviewer) {
        MakeUp makeUp = pending(id);
        makeUp.reject(reviewer, calendar.now(), reason);
        notices.decided(makeUp);
        return CheckInViews.MakeUpView.of(makeUp, null);
    }

    public Optional<CheckInViews.MakeUpView> find(UUID id) {
        return MakeUp.<MakeUp>findByIdOptional(id).map(m -> views(List.of(m)).get(0));
    }

    /** The make-ups of the branches in a unit's subtree, in a status; latest first. */
    public Page<CheckInViews.MakeUpView> forUnit(UUID unitId, MakeUpStatus status, PageRequest page) {
        String path = OrgUnit.<OrgUnit>findByIdOptional(unitId).map(u -> u.path)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return list("select m from MakeUp m, OrgUnit b where b.id = m.branchId and b.path like :prefix and "
                + "m.status = :status", new HashMap<>(Map.of("prefix", path + "%", "status", status)), page);
    }

    /** A person's make-ups; latest first. */
    public Page<CheckInViews.MakeUpView> forPerson(UUID personId, PageRequest page) {
        return list("select m from MakeUp m where m.personId = :person", new HashMap<>(Map.of("person", personId)),
                page);
    }

    private Page<CheckInViews.MakeUpView> list(String query, Map<String, Object> parameters, PageRequest page) {
        StringBuilder text = new StringBuilder(query);
        page.after().ifPresent(after -> {
            text.append(" and (m.createdAt < :at or (m.createdAt = :at and m.id < :id))");
            parameters.put("at", Instant.parse(after.get(0)));
            parameters.put("id", UUID.fromString(after.get(1)));
        });
        var typed = em.createQuery(text + " order by m.createdAt desc, m.id desc", MakeUp.class);
        parameters.forEach(typed::setParameter);
        List<MakeUp> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        List<CheckInViews.MakeUpView> views = views(rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows);
        Map<UUID, CheckInViews.MakeUpView> byId = new HashMap<>();
        views.forEach(v -> byId.put(v.id(), v));
        return page.page(rows, m -> List.of(m.createdAt.toString(), m.id.toString()), m -> byId.get(m.id));
    }

    /** The make-ups with the points their check-ins were credited. */
    private List<CheckInViews.MakeUpView> views(List<MakeUp> makeUps) {
        List<UUID> checkInIds = makeUps.stream().map(m -> m.checkInId).filter(java.util.Objects::nonNull).toList();
        Map<UUID, UUID> entries = new HashMap<>();
        if (!checkInIds.isEmpty()) {
            CheckIn.<CheckIn>list("id in ?1", checkInIds).forEach(c -> entries.put(c.id, c.ledgerEntryId));
        }
        Map<UUID, Integer> points = checkIns.points(List.copyOf(entries.values()));
        return makeUps.stream().map(m -> CheckInViews.MakeUpView.of(m,
                m.checkInId == null ? null : points.get(entries.get(m.checkInId)))).toList();
    }

    private MakeUp pending(UUID id) {
        MakeUp makeUp = MakeUp.<MakeUp>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (makeUp.status != MakeUpStatus.PENDING) {
            throw new ProblemException(CheckInProblem.MAKE_UP_ALREADY_DECIDED, makeUp.status.name());
        }
        return makeUp;
    }
}
