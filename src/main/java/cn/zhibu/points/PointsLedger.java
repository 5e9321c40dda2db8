package cn.zhibu.points;

import cn.zhibu.platform.db.AdvisoryLocks;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The points ledger (积分台账): the one way points are credited or reversed. A person's credits run
 * one at a time (a transaction-scoped advisory lock on the person), so the caps, checked against the
 * ledger itself, cannot be overshot by parallel requests. A source is credited once per person and
 * activity; crediting it again answers the first entry.
 */
@ApplicationScoped
public class PointsLedger {

    private static final String LOCK_PREFIX = "ledger|";

    private final EntityManager em;
    private final ScoringRuleService rules;
    private final BusinessCalendar calendar;
    private final Event<LedgerChanged> changed;
    private final TransactionSynchronizationRegistry transaction;
    private final AdvisoryLocks locks;
    private final PointsSettings settings;

    PointsLedger(EntityManager em, ScoringRuleService rules, BusinessCalendar calendar, Event<LedgerChanged> changed,
            TransactionSynchronizationRegistry transaction, AdvisoryLocks locks, PointsSettings settings) {
        this.em = em;
        this.settings = settings;
        this.locks = locks;
        this.transaction = transaction;
        this.rules = rules;
        this.calendar = calendar;
        this.changed = changed;
    }

    /**
     * What to credit: for a person (whose rules are those of {@code unitId}, their branch), an
     * activity from a source, on a business date; {@code points} asks for an amount (manual awards),
     * otherwise the rule's points per occurrence. The caps may lower it, to zero.
     */
    public record Credit(UUID personId, UUID unitId, ActivityType activityType, String sourceType, String sourceId,
            LocalDate businessDate, Integer points, String reason, String createdBy) {
    }

    /** Credits under the rule that holds; with no rule for the activity, 422 {@code POINTS_NO_RULE}. */
    @Transactional
    public LedgerViews.View credit(Credit credit) {
        return credit(credit, false, false);
    }

    /**
     * Credits under the rule that holds; with no rule for the activity, records the occurrence with zero
     * points and no rule (a check-in still happened where the branch gives no points for it).
     */
    @Transactional
    public LedgerViews.View creditOrRecordZero(Credit credit) {
        return credit(credit, true, false);
    }

    /**
     * {@link #creditOrRecordZero} of a source that cannot have been credited yet (a check-in being made):
     * without looking for an earlier entry. A second credit of it would still be refused, by the unique
     * index on the source, rolling the transaction back.
     */
    @Transactional
    public LedgerViews.View creditNewOrRecordZero(Credit credit) {
        return credit(credit, true, true);
    }

    /**
     * Tries the person's ledger lock for the rest of the transaction without waiting: whoever holds it is
     * the only one crediting or reversing the person's points until its transaction ends. The credits made
     * in this transaction then skip taking it again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLockPerson(UUID personId) {
        if (holds(personId)) {
            return true;
        }
        boolean taken = locks.tryLock(LOCK_PREFIX + personId);
        if (taken) {
            transaction.putResource(LOCK_PREFIX + personId, Boolean.TRUE);
        }
        return taken;
    }

    /**
     * STUDY_TIME for a source's study time (a check-in's study seconds), dated and ruled as {@code credit} says (its
     * activity STUDY_TIME, no points asked): the points of the STUDY_TIME rule that holds, once per full block of
     * {@code zhibu.points.study-time-block} of {@code studySeconds}, then lowered by the rule's caps as any credit.
     * Without such a rule, or under one block: no entry. Credited once per source, as {@link #credit}: crediting it
     * again answers the first entry.
     */
    @Transactional
    public Optional<LedgerViews.View> creditStudyTime(Credit credit, int studySeconds) {
        if (credit.activityType() != ActivityType.STUDY_TIME || credit.points() != null) {
            throw new IllegalArgumentException("a STUDY_TIME credit asks for no points: " + credit);
        }
        Optional<ScoringRuleViews.View> ruled = rules.holding(credit.unitId(), ActivityType.STUDY_TIME,
                credit.businessDate());
        if (ruled.isEmpty()) {
            return Optional.empty();
        }
        if (studySeconds < settings.studyTimeBlock().toSeconds()) {
            return Optional.empty();
        }
        int asked = CreditArithmetic.studyTime(studySeconds, settings.studyTimeBlock(), ruled.get().points());
        lockPerson(credit.personId());
        Optional<LedgerViews.View> earlier = earlier(credit);
        if (earlier.isPresent()) {
            return earlier;
        }
        return Optional.of(capped(credit, ruled.get(), asked));
    }

    private LedgerViews.View credit(Credit credit, boolean zeroWithoutRule, boolean newSource) {
        lockPerson(credit.personId());
        if (!newSource) {
            Optional<LedgerViews.View> earlier = earlier(credit);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Optional<ScoringRuleViews.View> ruled = rules.holding(credit.unitId(), credit.activityType(),
                credit.businessDate());
        if (ruled.isEmpty() && zeroWithoutRule) {
            return LedgerViews.View.of(entry(credit.personId(), credit.activityType(), 0, credit.sourceType(),
                    credit.sourceId(), null, credit.businessDate(), IsoWeek.of(credit.businessDate()).toString(), null,
                    credit.reason(), credit.createdBy()));
        }
        ScoringRuleViews.View rule = ruled.orElseThrow(() -> new ProblemException(PointsProblem.POINTS_NO_RULE,
                credit.activityType().name(), credit.businessDate().toString()));
        return capped(credit, rule, credit.points() == null ? rule.points() : credit.points());
    }

    /** The source's standing credit of the activity for the person, if it was credited. */
    private Optional<LedgerViews.View> earlier(Credit credit) {
        return LedgerEntry.<LedgerEntry>find("sourceType = ?1 and sourceId = ?2 and personId = ?3 "
                + "and activityType = ?4 and reverses is null", credit.sourceType(), credit.sourceId(),
                credit.personId(), credit.activityType()).firstResultOptional().map(LedgerViews.View::of);
    }

    /** Enters {@code asked} points under the rule, as far as its caps leave them (to zero). */
    private LedgerViews.View capped(Credit credit, ScoringRuleViews.View rule, int asked) {
        String week = IsoWeek.of(credit.businessDate()).toString();
        int day = 0;
        int inWeek = 0;
        if (rule.dailyCap() != null || rule.weeklyCap() != null) {
            Tuple net = net(credit, week);
            day = Rows.integer(net, "day");
            inWeek = Rows.integer(net, "week");
        }
        long counted = rule.maxCount() == null ? 0 : credited(credit);
        int points = CreditArithmetic.capped(asked, rule.dailyCap(), rule.weeklyCap(), rule.maxCount(), day, inWeek,
                counted);
        return LedgerViews.View.of(entry(credit.personId(), credit.activityType(), points, credit.sourceType(),
                credit.sourceId(), rule.id(), credit.businessDate(), week, null, credit.reason(), credit.createdBy()));
    }

    /** Reverses an entry once, with a reason; the reversal counts on the entry's own date and week. */
    @Transactional
    public LedgerViews.View reverse(UUID entryId, String reason, String createdBy) {
        LedgerEntry original = LedgerEntry.<LedgerEntry>findByIdOptional(entryId)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        lockPerson(original.personId);
        if (original.reverses != null) {
            throw new ProblemException(PointsProblem.POINTS_REVERSAL_OF_REVERSAL);
        }
        if (LedgerEntry.count("reverses", entryId) > 0) {
            throw new ProblemException(PointsProblem.POINTS_ALREADY_REVERSED);
        }
        return LedgerViews.View.of(entry(original.personId, original.activityType, -original.points,
                original.sourceType, original.sourceId, original.ruleId, original.businessDate, original.isoWeek,
                original.id, reason, createdBy));
    }

    public Optional<LedgerViews.View> find(UUID id) {
        return LedgerEntry.<LedgerEntry>findByIdOptional(id).map(LedgerViews.View::of);
    }

    /** A person's entries, newest first. */
    public Page<LedgerViews.View> entries(UUID personId, PageRequest page) {
        StringBuilder query = new StringBuilder("personId = :person");
        Parameters parameters = Parameters.with("person", personId);
        page.after().ifPresent(after -> {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", Instant.parse(after.get(0))).and("id", UUID.fromString(after.get(1)));
        });
        List<LedgerEntry> rows = LedgerEntry.<LedgerEntry>find(query + " order by createdAt desc, id desc", parameters)
                .page(0, page.fetchSize()).list();
        return page.page(rows, e -> List.of(e.createdAt.toString(), e.id.toString()), LedgerViews.View::of);
    }

    /**
     * A person's entries dated from {@code from} to {@code to} (business dates, both included), the latest
     * date first (on one date, the newest first): the timeline of the member file.
     */
    public Page<LedgerViews.View> timeline(UUID personId, LocalDate from, LocalDate to, PageRequest page) {
        StringBuilder query = new StringBuilder("personId = :person and businessDate between :from and :to");
        Parameters parameters = Parameters.with("person", personId).and("from", from).and("to", to);
        page.after().ifPresent(after -> {
            query.append(" and (businessDate < :day or (businessDate = :day and (createdAt < :at "
                    + "or (createdAt = :at and id < :id))))");
            parameters.and("day", LocalDate.parse(after.get(0))).and("at", Instant.parse(after.get(1)))
                    .and("id", UUID.fromString(after.get(2)));
        });
        List<LedgerEntry> rows = LedgerEntry.<LedgerEntry>find(query + " order by businessDate desc, createdAt desc, "
                + "id desc", parameters).page(0, page.fetchSize()).list();
        return page.page(rows, e -> List.of(e.businessDate.toString(), e.createdAt.toString(), e.id.toString()),
                LedgerViews.View::of);
    }

    private LedgerEntry entry(UUID personId, ActivityType type, int points, String sourceType, String sourceId,
            UUID ruleId, LocalDate date, String week, UUID reverses, String reason, String createdBy) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.personId = personId;
        entry.activityType = type;
        entry.points = points;
        entry.sourceType = sourceType;
        entry.sourceId = sourceId;
        entry.ruleId = ruleId;
        entry.businessDate = date;
        entry.isoWeek = week;
        entry.reverses = reverses;
        entry.reason = reason;
        entry.createdBy = createdBy;
        entry.createdAt = calendar.now();
        entry.persist();
        changed.fire(new LedgerChanged(entry.id, personId, type, points, date, week, reverses != null, sourceType,
                sourceId));
        return entry;
    }

    /**
     * The person's net points for the activity (reversals included) on the credit's date and in its ISO week,
     * in one statement.
     */
    private Tuple net(Credit credit, String week) {
        // SQL, not HQL: this runs on every capped credit, and Hibernate was found parsing the HQL afresh each time
        return (Tuple) em.createNativeQuery("select coalesce(sum(points) filter (where business_date = ?3), 0) as day, "
                + "coalesce(sum(points), 0) as week from ledger_entry where person_id = ?1 and activity_type = ?2 "
                + "and iso_week = ?4", Tuple.class)
                .setParameter(1, credit.personId()).setParameter(2, credit.activityType().name())
                .setParameter(3, credit.businessDate()).setParameter(4, week).getSingleResult();
    }

    /** How many credits of the activity the person has that were not reversed. */
    private long credited(Credit credit) {
        return LedgerEntry.count("from LedgerEntry e where e.personId = ?1 and e.activityType = ?2 and e.reverses is null "
                + "and e.points > 0 and not exists (select 1 from LedgerEntry r where r.reverses = e.id)",
                credit.personId(), credit.activityType());
    }

    /** Waits for the person's ledger lock, unless this transaction holds it already. */
    private void lockPerson(UUID personId) {
        if (holds(personId)) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", LOCK_PREFIX + personId).getSingleResult();
        transaction.putResource(LOCK_PREFIX + personId, Boolean.TRUE);
    }

    /**
     * The person's ledger lock for the rest of the transaction, as {@link #tryLockPerson}, waited for in the database
     * for {@code wait} at most; then {@code busy}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPerson(UUID personId, Duration wait, Supplier<ProblemException> busy) {
        if (holds(personId)) {
            return;
        }
        locks.lock(LOCK_PREFIX + personId, wait, busy);
        transaction.putResource(LOCK_PREFIX + personId, Boolean.TRUE);
    }

    private boolean holds(UUID personId) {
        return transaction.getResource(LOCK_PREFIX + personId) != null;
    }
}
