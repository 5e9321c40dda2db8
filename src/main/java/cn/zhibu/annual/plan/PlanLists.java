package cn.zhibu.annual.plan;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads annual plans as the API shows them: with names, their items' live progress and their reviews. */
@ApplicationScoped
public class PlanLists {

    private final EntityManager em;
    private final PlanProgress progress;

    PlanLists(EntityManager em, PlanProgress progress) {
        this.em = em;
        this.progress = progress;
    }

    /** A plan's unit and owner, to decide who may see or change it. */
    public record Parties(UUID unitId, UUID parentId, UUID ownerId) {
    }

    public Optional<Parties> parties(UUID planId) {
        return em.createQuery("select p.unitId, u.parentId, p.ownerId from AnnualPlan p, OrgUnit u "
                + "where u.id = p.unitId and p.id = :id", Object[].class).setParameter("id", planId).getResultStream()
                .findFirst().map(row -> new Parties((UUID) row[0], (UUID) row[1], (UUID) row[2]));
    }

    /** An item of a plan and its owner (null for nobody's). */
    public record ItemOwner(UUID itemId, UUID ownerId) {
    }

    /** The item and its owner, if the item is the plan's. */
    public Optional<ItemOwner> itemOwner(UUID planId, UUID itemId) {
        return em.createQuery("select i.id, i.ownerId from PlanItem i where i.id = :id and i.planId = :plan",
                Object[].class).setParameter("id", itemId).setParameter("plan", planId).getResultStream().findFirst()
                .map(row -> new ItemOwner((UUID) row[0], (UUID) row[1]));
    }

    public PlanViews.View view(UUID planId) {
        AnnualPlan plan = em.find(AnnualPlan.class, planId);
        if (plan == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return view(plan);
    }

    /** The plan with its items in the order added, their progress counted in one statement, and its reviews. */
    PlanViews.View view(AnnualPlan plan) {
        List<PlanItem> items = em.createQuery("from PlanItem where planId = :plan order by createdAt, id",
                PlanItem.class).setParameter("plan", plan.id).getResultList();
        PlanProgress.Counts counts = items.stream().anyMatch(i -> i.kind.recorded())
                ? progress.of(plan.unitId, plan.year) : new PlanProgress.Counts(Map.of());
        Set<UUID> people = new HashSet<>();
        people.add(plan.ownerId);
        items.forEach(i -> people.add(i.ownerId));
        Map<UUID, String> names = names(people);
        List<PlanViews.ItemView> views = items.stream().map(i -> new PlanViews.ItemView(i.id, i.kind, i.sessionKind,
                i.title, i.targetCount, i.targetDate, i.ownerId, names.get(i.ownerId),
                PlanProgress.progress(i, counts), i.doneAt, i.doneBy, i.evidence, Arrays.asList(i.evidenceLinks),
                i.createdAt, i.updatedAt)).toList();
        String unitName = em.createQuery("select u.name from OrgUnit u where u.id = :id", String.class)
                .setParameter("id", plan.unitId).getSingleResult();
        return new PlanViews.View(plan.id, plan.unitId, unitName, plan.year, plan.ownerId, names.get(plan.ownerId),
                plan.state, plan.summary, plan.submittedAt, views,
                (int) views.stream().filter(v -> v.progress().met()).count(), reviews(plan.id), plan.createdBy,
                plan.createdAt, plan.updatedAt, plan.version);
    }

    /** A unit's plans (of a year, if given), the latest year first, then in the order made. */
    public Page<PlanViews.Listed> list(UUID unitId, Integer year, PageRequest page) {
        StringBuilder query = new StringBuilder("from AnnualPlan p where p.unitId = :unit");
        if (year != null) {
            query.append(" and p.year = :year");
        }
        page.after().ifPresent(after -> query.append(" and (p.year < :afterYear or (p.year = :afterYear and "
                + "(p.createdAt > :afterAt or (p.createdAt = :afterAt and p.id > :afterId))))"));
        TypedQuery<AnnualPlan> typed = em.createQuery(query + " order by p.year desc, p.createdAt, p.id",
                AnnualPlan.class).setParameter("unit", unitId);
        if (year != null) {
            typed.setParameter("year", year);
        }
        page.after().ifPresent(after -> typed.setParameter("afterYear", Integer.parseInt(after.get(0)))
                .setParameter("afterAt", Instant.parse(after.get(1)))
                .setParameter("afterId", UUID.fromString(after.get(2))));
        List<AnnualPlan> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        Page<AnnualPlan> shown = page.page(rows, p -> List.of(Integer.toString(p.year), p.createdAt.toString(),
                p.id.toString()), p -> p);
        Map<UUID, String> names = names(shown.items().stream().map(p -> p.ownerId).toList());
        Map<UUID, Long> counts = itemCounts(shown.items().stream().map(p -> p.id).toList());
        return new Page<>(shown.items().stream().map(p -> new PlanViews.Listed(p.id, p.unitId, p.year, p.ownerId,
                names.get(p.ownerId), p.state, counts.getOrDefault(p.id, 0L).intValue(), p.updatedAt, p.version))
                .toList(), shown.nextCursor());
    }

    @SuppressWarnings("unchecked")
    private List<PlanViews.ReviewView> reviews(UUID planId) {
        List<Tuple> rows = em.createNativeQuery("select decision as decision, note as note, "
                + "reviewed_by as reviewed_by, reviewed_at as reviewed_at from annual_plan_review "
                + "where plan_id = :plan order by reviewed_at, id", Tuple.class).setParameter("plan", planId).getResultList();
        return rows.stream().map(r -> new PlanViews.ReviewView(ReviewDecision.valueOf(Rows.string(r, "decision")),
                Rows.string(r, "note"), Rows.string(r, "reviewed_by"), Rows.instant(r, "reviewed_at"))).toList();
    }

    private Map<UUID, Long> itemCounts(List<UUID> planIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!planIds.isEmpty()) {
            em.createQuery("select i.planId, count(i) from PlanItem i where i.planId in :ids group by i.planId",
                    Object[].class).setParameter("ids", planIds).getResultList()
                    .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, String> names(Collection<UUID> ids) {
        Set<UUID> wanted = new HashSet<>(ids);
        wanted.remove(null);
        Map<UUID, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("select id as id, name as name from person where id in (:ids)",
                    Tuple.class).setParameter("ids", wanted).getResultList();
            rows.forEach(r -> names.put(Rows.uuid(r, "id"), Rows.string(r, "name")));
        }
        return names;
    }
}
