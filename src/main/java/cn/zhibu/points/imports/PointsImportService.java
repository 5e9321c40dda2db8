package cn.zhibu.points.imports;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.db.AdvisoryLocks;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsProblem;
import cn.zhibu.points.ScoringRuleService;
import cn.zhibu.points.imports.PointsImportViews.LineResult;
import cn.zhibu.points.imports.PointsImportViews.LineStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Imports points earned on other study platforms (EXTERNAL_IMPORT): every record is checked first; if any has a
 * problem nothing is written, otherwise each new record is credited through the ledger (under the EXTERNAL_IMPORT
 * rule of the person's branch on the record's date, whose caps may lower it), in short chunks of their own
 * ({@link ImportCredits}: no person's ledger lock is held for long or waited for). An external id is credited once,
 * ever: sent again with the same person, points and date it is ALREADY_IMPORTED, otherwise a conflict; so an
 * import stopped between chunks (409 POINTS_IMPORT_PEOPLE_BUSY) is finished by sending it again. Imports that
 * write run one at a time (a transaction-scoped lock, taken after the records were checked and waited for a few
 * seconds at most: then 409 POINTS_IMPORT_BUSY), so parallel imports of the same records credit each once; under
 * the lock only what another import may have changed meanwhile, the records imported under the same ids, is
 * looked at again.
 */
@ApplicationScoped
public class PointsImportService {

    public static final String SOURCE_TYPE = "EXTERNAL_IMPORT";
    /** How far back a record may be dated. */
    static final java.time.Period OLDEST = java.time.Period.ofYears(1);
    /** How long an import waits for the one running before it. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    /** Seconds a refused import is told to wait (Retry-After). */
    static final int RETRY_AFTER_SECONDS = 10;
    private static final String LOCK_KEY = "points-import";
    /** Ids looked up by one query, at most (a scalar query: the records are not managed entities). */
    private static final int IDS_PER_QUERY = 1000;

    /**
     * Where the caller may import ({@code allowed}) and in which branches they can see people at all
     * ({@code seen}): a person they cannot see is an unknown person, one they see but may not import for
     * refuses the request.
     */
    public record Permit(Predicate<UUID> allowed, Predicate<UUID> seen) {

        public static final Permit EVERYWHERE = new Permit(unit -> true, unit -> true);

        public static Permit of(Access access) {
            return new Permit(unit -> access.allows(Action.POINTS_IMPORT, unit),
                    unit -> access.allows(Action.PEOPLE_READ, unit));
        }
    }

    /** What an import did, or the problems of its records (then nothing was written). */
    public record Outcome(PointsImportViews.Result result, LineErrors errors) {
    }

    /** A record imported before, as read (never a managed entity: an import may look up thousands). */
    record Known(String externalId, UUID personId, int points, int credited, LocalDate businessDate, UUID entryId) {

        boolean sameAs(UUID person, ImportLine line) {
            return personId.equals(person) && points == line.points() && businessDate.equals(line.date());
        }
    }

    private record Planned(ImportLine line, UUID personId, UUID branch, Known earlier) {
    }

    private final ImportCredits credits;
    private final ScoringRuleService rules;
    private final PersonService people;
    private final BusinessCalendar calendar;
    private final EntityManager em;
    private final AdvisoryLocks locks;

    PointsImportService(ImportCredits credits, ScoringRuleService rules, PersonService people,
            BusinessCalendar calendar, EntityManager em, AdvisoryLocks locks) {
        this.locks = locks;
        this.credits = credits;
        this.rules = rules;
        this.people = people;
        this.calendar = calendar;
        this.em = em;
    }

    /**
     * Checks the records (with {@code earlier}, problems already found reading them) and, unless this is a
     * dry run or a problem was found, credits them. A record naming a person the caller can see but may
     * not import for refuses the whole request (403); one they cannot see is an unknown person.
     */
    @Transactional
    public Outcome run(List<ImportLine> lines, LineErrors earlier, boolean dryRun, Permit permit,
            String importedBy) {
        LineErrors found = new LineErrors();
        List<Planned> planned = check(lines, permit, found);
        if (earlier.isEmpty() && found.isEmpty() && !dryRun) {
            lock();
            planned = recheck(planned, permit, found);
        }
        LineErrors errors = earlier.and(found);
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        List<LineResult> results = new ArrayList<>(planned.size());
        List<ImportCredits.ToCredit> fresh = new ArrayList<>();
        int unchanged = 0;
        int points = 0;
        for (Planned plan : planned) {
            ImportLine line = plan.line();
            if (plan.earlier() != null) {
                unchanged++;
                results.add(new LineResult(line.line(), line.externalId(), plan.personId(), LineStatus.ALREADY_IMPORTED,
                        plan.earlier().credited(), plan.earlier().entryId()));
            } else if (dryRun) {
                points += line.points();
                results.add(new LineResult(line.line(), line.externalId(), plan.personId(), LineStatus.CREDITED,
                        line.points(), null));
            } else {
                fresh.add(new ImportCredits.ToCredit(line, plan.personId(), plan.branch()));
                results.add(null); // filled in once credited
            }
        }
        if (!fresh.isEmpty()) {
            // this transaction holds the imports' lock (and the request's idempotency key) while the chunks run in
            // theirs; a statement between chunks tells the server it is not idle
            Map<Integer, LineResult> credited = credits.credit(fresh, importedBy,
                    () -> em.createNativeQuery("select 1").getSingleResult());
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == null) {
                    LineResult result = credited.get(planned.get(i).line().line());
                    points += result.points();
                    results.set(i, result);
                }
            }
        }
        return new Outcome(new PointsImportViews.Result(dryRun, planned.size() - unchanged, unchanged, points, results),
                new LineErrors());
    }

    /**
     * Takes the imports' lock, waiting for {@link #LOCK_WAIT} at most; then 409 POINTS_IMPORT_BUSY with Retry-After.
     */
    private void lock() {
        locks.lock(LOCK_KEY, LOCK_WAIT, PointsImportService::busy);
    }

    private static ProblemException busy() {
        return new ProblemException(PointsImportProblem.POINTS_IMPORT_BUSY, RETRY_AFTER_SECONDS)
                .header("Retry-After", RETRY_AFTER_SECONDS);
    }

    /**
     * Under the lock: the records another import wrote under the same ids since they were checked (records
     * are never changed or removed, so only lines that had none can be affected).
     */
    private List<Planned> recheck(List<Planned> planned, Permit permit, LineErrors errors) {
        List<String> fresh = planned.stream().filter(plan -> plan.earlier() == null)
                .map(plan -> plan.line().externalId()).toList();
        Map<String, Known> imported = known(fresh);
        if (imported.isEmpty()) {
            return planned;
        }
        Map<UUID, UUID> branches = people.homeUnits(imported.values().stream().map(Known::personId)
                .collect(Collectors.toSet()));
        List<Planned> checked = new ArrayList<>(planned.size());
        for (Planned plan : planned) {
            Known earlier = plan.earlier() == null ? imported.get(plan.line().externalId()) : null;
            if (earlier == null) {
                checked.add(plan);
            } else if (earlier.sameAs(plan.personId(), plan.line())) {
                checked.add(new Planned(plan.line(), plan.personId(), plan.branch(), earlier));
            } else {
                errors.add(conflict(plan.line(), earlier, permit, branches));
            }
        }
        return checked;
    }

    private List<Planned> check(List<ImportLine> lines, Permit permit, LineErrors errors) {
        LocalDate today = calendar.today();
        LocalDate oldest = today.minus(OLDEST);
        Map<String, UUID> byExternalId = externalIds(lines);
        Map<String, Known> imported = known(lines.stream().map(ImportLine::externalId).distinct().toList());
        Set<UUID> named = new HashSet<>(byExternalId.values());
        lines.stream().map(ImportLine::personId).filter(Objects::nonNull).forEach(named::add);
        imported.values().forEach(record -> named.add(record.personId()));
        Map<UUID, UUID> branches = people.homeUnits(named);
        Map<UUID, Boolean> allowed = new HashMap<>();
        Map<String, Boolean> ruled = new HashMap<>();
        Map<String, Integer> firstLines = new HashMap<>();
        List<Planned> planned = new ArrayList<>(lines.size());
        for (ImportLine line : lines) {
            int before = errors.count();
            Integer first = firstLines.putIfAbsent(line.externalId(), line.line());
            if (first != null) {
                errors.add(LineError.of(line.line(), "externalId",
                        PointsImportProblem.POINTS_IMPORT_EXTERNAL_ID_REPEATED, line.externalId(), first));
            }
            UUID person = null;
            UUID branch = null;
            if ((line.personId() == null) == (line.personExternalId() == null)) {
                errors.add(LineError.of(line.line(), "personId", PointsImportProblem.POINTS_IMPORT_PERSON_REQUIRED));
            } else {
                String field = line.personId() != null ? "personId" : "personExternalId";
                person = line.personId() != null ? line.personId() : byExternalId.get(line.personExternalId());
                branch = person == null ? null : branches.get(person);
                if (branch != null && !allowed.computeIfAbsent(branch, unit -> reachable(permit, unit))) {
                    branch = null;
                }
                if (branch == null) {
                    errors.add(LineError.of(line.line(), field, PointsImportProblem.POINTS_IMPORT_PERSON_NOT_FOUND,
                            line.personId() != null ? line.personId() : line.personExternalId()));
                }
            }
            // an earlier record is looked at only for a person the caller may import for: otherwise the line
            // reads as one naming an unknown person, whatever was imported under its id
            Known earlier = branch == null ? null : imported.get(line.externalId());
            if (earlier != null) {
                if (!earlier.sameAs(person, line)) {
                    errors.add(conflict(line, earlier, permit, branches));
                }
            } else if (line.date().isAfter(today)) {
                errors.add(LineError.of(line.line(), "date", PointsImportProblem.POINTS_IMPORT_DATE_IN_FUTURE,
                        line.date(), today));
            } else if (line.date().isBefore(oldest)) {
                errors.add(LineError.of(line.line(), "date", PointsImportProblem.POINTS_IMPORT_DATE_TOO_OLD,
                        line.date(), oldest));
            } else if (branch != null && !ruled(ruled, branch, line.date())) {
                errors.add(LineError.of(line.line(), "date", PointsProblem.POINTS_NO_RULE,
                        ActivityType.EXTERNAL_IMPORT.name(), line.date()));
            }
            if (errors.count() == before) {
                planned.add(new Planned(line, person, branch, earlier));
            }
        }
        return planned;
    }

    /**
     * A line that differs from the record imported earlier under its id: the earlier date and points are told
     * only when that record's person is one the caller may import for, too.
     */
    private static LineError conflict(ImportLine line, Known earlier, Permit permit, Map<UUID, UUID> branches) {
        UUID earlierBranch = branches.get(earlier.personId());
        if (earlierBranch != null && permit.allowed().test(earlierBranch)) {
            return LineError.of(line.line(), "externalId", PointsImportProblem.POINTS_IMPORT_CONFLICT,
                    line.externalId(), earlier.businessDate(), earlier.points());
        }
        return LineError.of(line.line(), "externalId", PointsImportProblem.POINTS_IMPORT_EXTERNAL_ID_TAKEN,
                line.externalId());
    }

    /** Allowed: true; out of sight: false (an unknown person); seen but not allowed: the request is refused. */
    private static boolean reachable(Permit permit, UUID branch) {
        if (permit.allowed().test(branch)) {
            return true;
        }
        if (permit.seen().test(branch)) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        return false;
    }

    private boolean ruled(Map<String, Boolean> ruled, UUID branch, LocalDate date) {
        return ruled.computeIfAbsent(branch + "|" + date, key -> rules.effective(branch, date).stream()
                .anyMatch(rule -> rule.activityType() == ActivityType.EXTERNAL_IMPORT));
    }

    /** The records imported before under these ids, by id. */
    private Map<String, Known> known(List<String> externalIds) {
        Map<String, Known> known = new HashMap<>();
        if (externalIds.isEmpty()) {
            return known;
        }
        for (int from = 0; from < externalIds.size(); from += IDS_PER_QUERY) {
            em.createQuery("select r.externalId as externalId, r.personId as personId, r.points as points, "
                    + "r.credited as credited, r.businessDate as businessDate, r.entryId as entryId "
                    + "from ImportedRecord r where r.externalId in :ids", Tuple.class)
                    .setParameter("ids", externalIds.subList(from, Math.min(externalIds.size(), from + IDS_PER_QUERY)))
                    .getResultList().forEach(row -> known.put(row.get("externalId", String.class), new Known(
                            row.get("externalId", String.class), row.get("personId", UUID.class),
                            row.get("points", Integer.class), row.get("credited", Integer.class),
                            row.get("businessDate", LocalDate.class), row.get("entryId", UUID.class))));
        }
        return known;
    }

    /** The people the records name by external id: external id to person id, for the known ones. */
    private Map<String, UUID> externalIds(List<ImportLine> lines) {
        List<String> named = lines.stream().map(ImportLine::personExternalId).filter(Objects::nonNull).distinct()
                .toList();
        Map<String, UUID> ids = new HashMap<>();
        if (!named.isEmpty()) {
            em.createQuery("select p.externalId as externalId, p.id as id from Person p where p.externalId in :ids",
                    Tuple.class).setParameter("ids", named).getResultList()
                    .forEach(row -> ids.put(row.get("externalId", String.class), row.get("id", UUID.class)));
        }
        return ids;
    }
}
