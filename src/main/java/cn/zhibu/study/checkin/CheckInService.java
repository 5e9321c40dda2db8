package cn.zhibu.study.checkin;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerEntry;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.study.MaterialOpenings;
import cn.zhibu.study.StudyMaterialService;
import cn.zhibu.study.StudyMaterialViews;
import cn.zhibu.study.StudyProblem;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Check-ins (学习打卡): one a day per material, and one a day of general study, per person, on the server's
 * business day. A plausible check-in is credited (CHECK_IN, and STUDY_TIME for the study time it states where its
 * branch has that rule) in the same transaction; an implausible one is flagged and credited only if a reviewer
 * clears it. A person's check-ins are made one at a time (a
 * transaction-scoped advisory lock on the person, waited for a short while), and unique
 * indexes stand behind that.
 */
@ApplicationScoped
public class CheckInService {

    /** What credited check-ins are recorded as in the ledger (with the check-in's id). */
    public static final String SOURCE = "CHECK_IN";

    /** How long a check-in waits for the person's lock before answering 409 CHECK_IN_BUSY. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** How many of one person's requests may wait for their lock at once (in this instance). */
    private static final int WAITERS_PER_PERSON = 2;

    /** The requests waiting for each person's lock now. */
    private final ConcurrentHashMap<UUID, Integer> waiting = new ConcurrentHashMap<>();

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final StudyMaterialService materials;
    private final MaterialOpenings openings;
    private final Plausibility plausibility;
    private final PointsLedger ledger;
    private final CheckInStreaks streaks;
    private final CheckInReviewNotices notices;

    CheckInService(EntityManager em, BusinessCalendar calendar, StudyMaterialService materials,
            MaterialOpenings openings, Plausibility plausibility, PointsLedger ledger, CheckInStreaks streaks,
            CheckInReviewNotices notices) {
        this.em = em;
        this.calendar = calendar;
        this.materials = materials;
        this.openings = openings;
        this.plausibility = plausibility;
        this.ledger = ledger;
        this.streaks = streaks;
        this.notices = notices;
    }

    /**
     * The person checks in now, for today. 404 for a material not open to them (not in its audience,
     * withdrawn, or not published yet), 409 {@link CheckInExists} when the day's check-in is made, 422 {@code MATERIAL_NOT_OPEN}
     * once its window closed, 422 {@code CHECK_IN_NOTE_REQUIRED} for general study without a note.
     */
    @Transactional
    public CheckInViews.Receipt checkIn(UUID personId, UUID branchId, CheckInViews.Create request, String createdBy) {
        StudyMaterialViews.View material = null;
        if (request.materialId() != null) {
            material = materials.requireVisible(personId, request.materialId(), calendar.now());
        } else if (request.note() == null) {
            throw new ProblemException(CheckInProblem.CHECK_IN_NOTE_REQUIRED);
        }
        lockPerson(personId);
        Instant now = calendar.now();
        LocalDate today = calendar.dateOf(now);
        refuseExisting(personId, today, request.materialId());
        if (material != null && !material.openAt(now)) {
            throw new ProblemException(StudyProblem.MATERIAL_NOT_OPEN, material.title());
        }
        Optional<Instant> opened = material == null ? Optional.empty()
                : openings.forCheckIn(personId, material.id(), now);
        Optional<FlagReason> flag = plausibility.judge(personId, material, opened, request.studySeconds(), now);
        CheckIn checkIn = CheckIn.of(personId, branchId, request.materialId(), today, request.note(), createdBy, now);
        checkIn.studySeconds = request.studySeconds();
        checkIn.openedAt = opened.orElse(null);
        Integer points = null;
        if (flag.isPresent()) {
            checkIn.flag(flag.get());
        } else {
            points = credit(checkIn, ActivityType.CHECK_IN, createdBy);
        }
        checkIn.persist();
        return new CheckInViews.Receipt(CheckInViews.View.of(checkIn, points), streaks.view(personId));
    }

    /**
     * A credited check-in on a past day, made by the service itself (an approved make-up, demo data) at an
     * instant: credits {@code type} dated to that day. 409 {@link CheckInExists} if the day's check-in is made.
     */
    @Transactional
    public CheckInViews.View record(UUID personId, UUID branchId, UUID materialId, LocalDate day, String note,
            UUID makeUpId, ActivityType type, Instant at, String createdBy) {
        lockPerson(personId);
        refuseExisting(personId, day, materialId);
        CheckIn checkIn = CheckIn.of(personId, branchId, materialId, day, note, createdBy, at);
        checkIn.makeUpId = makeUpId;
        int points = credit(checkIn, type, createdBy);
        checkIn.persist();
        return CheckInViews.View.of(checkIn, points);
    }

    /**
     * A credited check-in written from a plan that holds at most one per day and material (demo data):
     * without the lock and the look-up {@link #record} makes; the unique indexes still stand.
     */
    @Transactional
    void recordPlanned(UUID personId, UUID branchId, UUID materialId, LocalDate day, String note, Instant at,
            String createdBy) {
        CheckIn checkIn = CheckIn.of(personId, branchId, materialId, day, note, createdBy, at);
        credit(checkIn, ActivityType.CHECK_IN, createdBy);
        checkIn.persist();
    }

    /** A flagged check-in made by the service itself (demo data), uncredited until reviewed. */
    @Transactional
    public CheckInViews.View recordFlagged(UUID personId, UUID branchId, UUID materialId, LocalDate day,
            FlagReason reason, Instant at, String createdBy) {
        lockPerson(personId);
        refuseExisting(personId, day, materialId);
        CheckIn checkIn = CheckIn.of(personId, branchId, materialId, day, null, createdBy, at);
        checkIn.flag(reason);
        checkIn.persist();
        return CheckInViews.View.of(checkIn, null);
    }

    /** Clears a flagged check-in: credits CHECK_IN (and STUDY_TIME) dated to its day. 409 unless it is flagged. */
    @Transactional
    public CheckInViews.View clear(UUID id, String reviewer) {
        CheckIn checkIn = flagged(id);
        int points = credit(checkIn, ActivityType.CHECK_IN, reviewer);
        checkIn.review(reviewer, calendar.now(), null);
        notices.reviewed(checkIn);
        return CheckInViews.View.of(checkIn, points);
    }

    /** Rejects a flagged check-in, with a reason: it stays uncredited. 409 unless it is flagged. */
    @Transactional
    public CheckInViews.View reject(UUID id, String reason, String reviewer) {
        CheckIn checkIn = flagged(id);
        checkIn.review(reviewer, calendar.now(), reason);
        notices.reviewed(checkIn);
        return CheckInViews.View.of(checkIn, null);
    }

    public Optional<CheckInViews.View> find(UUID id) {
        return CheckIn.<CheckIn>findByIdOptional(id).map(this::view);
    }

    /** The check-in of the day for the material (or for general study with {@code materialId} null). */
    Optional<CheckIn> existing(UUID personId, LocalDate day, UUID materialId) {
        return materialId == null
                ? CheckIn.find("personId = ?1 and businessDate = ?2 and materialId is null", personId, day)
                        .firstResultOptional()
                : CheckIn.find("personId = ?1 and businessDate = ?2 and materialId = ?3", personId, day, materialId)
                        .firstResultOptional();
    }

    /** 409 {@link CheckInExists} when the day's check-in for the material (or general study) is made. */
    void refuseExisting(UUID personId, LocalDate day, UUID materialId) {
        Optional<CheckIn> earlier = existing(personId, day, materialId);
        if (earlier.isPresent()) {
            throw new CheckInExists(view(earlier.get()));
        }
    }

    /** A person's check-ins between two days (either open), latest day first. */
    public Page<CheckInViews.View> list(UUID personId, Optional<LocalDate> from, Optional<LocalDate> to,
            PageRequest page) {
        StringBuilder query = new StringBuilder("personId = :person");
        Parameters parameters = Parameters.with("person", personId);
        from.ifPresent(day -> {
            query.append(" and businessDate >= :from");
            parameters.and("from", day);
        });
        to.ifPresent(day -> {
            query.append(" and businessDate <= :to");
            parameters.and("to", day);
        });
        page.after().ifPresent(after -> {
            query.append(" and (businessDate < :day or (businessDate = :day and (createdAt < :at "
                    + "or (createdAt = :at and id < :id))))");
            parameters.and("day", LocalDate.parse(after.get(0))).and("at", Instant.parse(after.get(1)))
                    .and("id", UUID.fromString(after.get(2)));
        });
        List<CheckIn> rows = CheckIn.<CheckIn>find(query + " order by businessDate desc, createdAt desc, id desc",
                parameters).page(0, page.fetchSize()).list();
        return views(page, rows, c -> List.of(c.businessDate.toString(), c.createdAt.toString(), c.id.toString()));
    }

    /** Flagged check-ins awaiting review, of the branches in a unit's subtree; latest first. */
    public Page<CheckInViews.View> flagged(UUID unitId, PageRequest page) {
        String path = OrgUnit.<OrgUnit>findByIdOptional(unitId).map(u -> u.path)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        StringBuilder query = new StringBuilder("select c from CheckIn c, OrgUnit b where b.id = c.branchId and "
                + "b.path like :prefix and c.status = :flagged");
        Map<String, Object> parameters = new HashMap<>(Map.of("prefix", path + "%", "flagged", CheckInStatus.FLAGGED));
        page.after().ifPresent(after -> {
            query.append(" and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))");
            parameters.put("at", Instant.parse(after.get(0)));
            parameters.put("id", UUID.fromString(after.get(1)));
        });
        var typed = em.createQuery(query + " order by c.createdAt desc, c.id desc", CheckIn.class);
        parameters.forEach(typed::setParameter);
        List<CheckIn> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        return views(page, rows, c -> List.of(c.createdAt.toString(), c.id.toString()));
    }

    /** Points of ledger entries, by entry id. */
    Map<UUID, Integer> points(List<UUID> entryIds) {
        List<UUID> ids = entryIds.stream().filter(Objects::nonNull).toList();
        Map<UUID, Integer> points = new HashMap<>();
        if (!ids.isEmpty()) {
            LedgerEntry.<LedgerEntry>list("id in ?1", ids).forEach(e -> points.put(e.id, e.points));
        }
        return points;
    }

    CheckInViews.View view(CheckIn checkIn) {
        return CheckInViews.View.of(checkIn, points(java.util.Collections.singletonList(checkIn.ledgerEntryId))
                .get(checkIn.ledgerEntryId));
    }

    private Page<CheckInViews.View> views(PageRequest page, List<CheckIn> rows,
            java.util.function.Function<CheckIn, List<String>> position) {
        Map<UUID, Integer> points = points(rows.stream().map(c -> c.ledgerEntryId).toList());
        return page.page(rows, position, c -> CheckInViews.View.of(c, points.get(c.ledgerEntryId)));
    }

    /**
     * Credits the check-in (status CREDITED, with its entry; the source is this check-in, whose credit is made only
     * here, once) and, when a check-in on a material states its study time, STUDY_TIME for it where the branch has
     * that rule; answers the points of the check-in's own entry.
     */
    private int credit(CheckIn checkIn, ActivityType type, String createdBy) {
        var entry = ledger.creditNewOrRecordZero(new PointsLedger.Credit(checkIn.personId, checkIn.branchId, type, SOURCE,
                checkIn.id.toString(), checkIn.businessDate, null, null, createdBy));
        checkIn.credit(entry.id());
        // study time is paid only where it was checked: against the time since the material was opened
        if (checkIn.studySeconds != null && checkIn.materialId != null) {
            ledger.creditStudyTime(new PointsLedger.Credit(checkIn.personId, checkIn.branchId, ActivityType.STUDY_TIME,
                    SOURCE, checkIn.id.toString(), checkIn.businessDate, null, null, createdBy), checkIn.studySeconds);
        }
        return entry.points();
    }

    private CheckIn flagged(UUID id) {
        CheckIn checkIn = CheckIn.<CheckIn>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (checkIn.status != CheckInStatus.FLAGGED) {
            throw new ProblemException(CheckInProblem.CHECK_IN_NOT_FLAGGED, checkIn.status.name());
        }
        return checkIn;
    }

    /**
     * The person's check-ins and make-ups are made one at a time, for the rest of the transaction, under the
     * person's ledger lock (which the check-in's credit then needs no more). The lock is waited for in the
     * database for {@link #LOCK_WAIT} at most, then 409 {@code CHECK_IN_BUSY} (Retry-After 1). A waiting request
     * holds its pooled connection, so only {@link #WAITERS_PER_PERSON} of one person's requests wait here at a time;
     * any more are answered busy at once, and one person's burst cannot take the pool from everyone else.
     */
    void lockPerson(UUID personId) {
        if (ledger.tryLockPerson(personId)) {
            return;
        }
        if (waiting.merge(personId, 1, Integer::sum) > WAITERS_PER_PERSON) {
            leave(personId);
            throw busy();
        }
        try {
            ledger.lockPerson(personId, LOCK_WAIT, CheckInService::busy);
        } finally {
            leave(personId);
        }
    }

    private void leave(UUID personId) {
        waiting.computeIfPresent(personId, (person, count) -> count > 1 ? count - 1 : null);
    }

    private static ProblemException busy() {
        return new ProblemException(CheckInProblem.CHECK_IN_BUSY).header("Retry-After", 1);
    }
}
