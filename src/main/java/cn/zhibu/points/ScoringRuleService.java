package cn.zhibu.points;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Scoring rules: versions per unit and activity type, and which version holds where and when. In a
 * unit, for an activity type, the nearest unit (itself first, then up the tree) that has a version
 * starting on or before the date decides: its latest such version holds, unless that version ended
 * before the date, in which case the activity earns nothing there.
 */
@ApplicationScoped
public class ScoringRuleService {

    private final EntityManager em;
    private final BusinessCalendar calendar;

    ScoringRuleService(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    public ScoringRuleViews.View create(ScoringRuleViews.Create request, String createdBy) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(request.unitId())
                .orElseThrow(() -> new ProblemException(PointsProblem.RULE_UNIT_NOT_FOUND, request.unitId().toString()));
        if (request.activityType() == ActivityType.STUDY_TIME && unit.kind != OrgUnitKind.BRANCH) {
            throw new ProblemException(PointsProblem.RULE_STUDY_TIME_BRANCH_ONLY);
        }
        LocalDate today = calendar.today();
        if (request.effectiveFrom().isBefore(today)) {
            throw new ProblemException(PointsProblem.RULE_STARTS_IN_PAST, today.toString());
        }
        if (request.effectiveTo() != null && request.effectiveTo().isBefore(request.effectiveFrom())) {
            throw new ProblemException(PointsProblem.RULE_DATES_INCONSISTENT, request.effectiveTo().toString(),
                    request.effectiveFrom().toString());
        }
        if (request.dailyCap() != null && request.weeklyCap() != null && request.weeklyCap() < request.dailyCap()) {
            throw new ProblemException(PointsProblem.RULE_CAPS_INCONSISTENT, request.weeklyCap(), request.dailyCap());
        }
        // versions of one unit's rule are made one at a time
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "scoring-rule|" + unit.id + "|" + request.activityType()).getSingleResult();
        Optional<ScoringRule> latest = ScoringRule.<ScoringRule>find("unitId = ?1 and activityType = ?2 order by version desc",
                unit.id, request.activityType()).firstResultOptional();
        if (latest.isPresent() && !request.effectiveFrom().isAfter(latest.get().effectiveFrom)) {
            throw new ProblemException(PointsProblem.RULE_NOT_AFTER_LATEST, latest.get().effectiveFrom.toString());
        }
        ScoringRule rule = new ScoringRule();
        rule.id = UUID.randomUUID();
        rule.unitId = unit.id;
        rule.activityType = request.activityType();
        rule.version = latest.map(r -> r.version + 1).orElse(1);
        rule.effectiveFrom = request.effectiveFrom();
        rule.effectiveTo = request.effectiveTo();
        rule.points = request.points();
        rule.dailyCap = request.dailyCap();
        rule.weeklyCap = request.weeklyCap();
        rule.maxCount = request.maxCount();
        rule.createdBy = createdBy;
        rule.createdAt = calendar.now();
        rule.persist();
        return ScoringRuleViews.View.of(rule);
    }

    public Optional<ScoringRuleViews.View> find(UUID id) {
        return ScoringRule.<ScoringRule>findByIdOptional(id).map(ScoringRuleViews.View::of);
    }

    /** The versions made on a unit itself (not inherited), by activity type, newest first. */
    public Page<ScoringRuleViews.View> versions(UUID unitId, Optional<ActivityType> type, PageRequest page) {
        StringBuilder query = new StringBuilder("unitId = :unit");
        Parameters parameters = Parameters.with("unit", unitId);
        type.ifPresent(t -> {
            query.append(" and activityType = :type");
            parameters.and("type", t);
        });
        page.after().ifPresent(after -> {
            query.append(" and (activityType > :afterType or (activityType = :afterType and version < :afterVersion))");
            parameters.and("afterType", ActivityType.valueOf(after.get(0))).and("afterVersion",
                    Integer.parseInt(after.get(1)));
        });
        List<ScoringRule> rows = ScoringRule.<ScoringRule>find(query + " order by activityType, version desc",
                parameters).page(0, page.fetchSize()).list();
        return page.page(rows, r -> List.of(r.activityType.name(), Integer.toString(r.version)),
                ScoringRuleViews.View::of);
    }

    /** Every activity type that earns points in the unit on the date, with the version that holds. */
    public List<ScoringRuleViews.Effective> effective(UUID unitId, LocalDate date) {
        List<UUID> upward = upward(unitId);
        List<ScoringRule> candidates = ScoringRule.list("unitId in ?1 and effectiveFrom <= ?2 order by version desc",
                upward, date);
        Map<ActivityType, ScoringRuleViews.Effective> holding = new EnumMap<>(ActivityType.class);
        for (ActivityType type : ActivityType.values()) {
            for (UUID unit : upward) {
                Optional<ScoringRule> latest = candidates.stream()
                        .filter(r -> r.activityType == type && r.unitId.equals(unit)).findFirst();
                if (latest.isPresent()) {
                    ScoringRule rule = latest.get();
                    if (rule.effectiveTo == null || !rule.effectiveTo.isBefore(date)) {
                        holding.put(type, new ScoringRuleViews.Effective(type, !unit.equals(unitId),
                                ScoringRuleViews.View.of(rule)));
                    }
                    break; // the nearest unit with a version decides, even when it ended the rule
                }
            }
        }
        return new ArrayList<>(holding.values());
    }

    /**
     * The rule that holds for one activity type in the unit on the date, as {@link #effective} finds it
     * (the latest version begun by then, of the nearest unit up the path that has one, unless that version
     * has ended), in one statement: this is read on every credit.
     */
    public Optional<ScoringRuleViews.View> holding(UUID unitId, ActivityType type, LocalDate date) {
        List<Tuple> rows = em.createNativeQuery("""
                select r.id as id, r.org_unit_id as org_unit_id, r.version as version, r.effective_from as effective_from,
                    r.effective_to as effective_to, r.points as points, r.daily_cap as daily_cap,
                    r.weekly_cap as weekly_cap, r.max_count as max_count, r.created_by as created_by,
                    r.created_at as created_at
                from org_unit u
                cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) with ordinality
                    as up(unit_id, depth)
                join scoring_rule r on r.org_unit_id = cast(up.unit_id as uuid) and r.activity_type = :type
                    and r.effective_from <= :date
                where u.id = :unit
                order by up.depth desc, r.version desc
                limit 1""", Tuple.class).setParameter("unit", unitId).setParameter("type", type.name())
                .setParameter("date", date).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = rows.get(0);
        LocalDate effectiveTo = Rows.localDate(row, "effective_to");
        if (effectiveTo != null && effectiveTo.isBefore(date)) {
            return Optional.empty(); // the nearest unit with a version decides, even when it ended the rule
        }
        return Optional.of(new ScoringRuleViews.View(Rows.uuid(row, "id"), Rows.uuid(row, "org_unit_id"), type,
                Rows.integer(row, "version"), Rows.localDate(row, "effective_from"), effectiveTo,
                Rows.integer(row, "points"), Rows.integer(row, "daily_cap"), Rows.integer(row, "weekly_cap"),
                Rows.integer(row, "max_count"), Rows.string(row, "created_by"), Rows.instant(row, "created_at")));
    }

    /** The unit itself, then each unit above it, nearest first. */
    private static List<UUID> upward(UUID unitId) {
        OrgUnit unit = OrgUnit.findById(unitId);
        List<String> ids = new ArrayList<>(Arrays.asList(unit.path.substring(1, unit.path.length() - 1).split("/")));
        java.util.Collections.reverse(ids);
        return ids.stream().map(UUID::fromString).toList();
    }
}
