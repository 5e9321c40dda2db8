package cn.zhibu.annual.plan;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Annual plans (年度计划) of branches and their committee members. A plan is one per unit, year and owner; its items
 * and summary change while it is DRAFT or RETURNED, each change naming the plan's version (If-Match) under the plan's
 * row lock, so of two changes naming the same version one applies and the other answers 412. It is SUBMITTED with
 * its summary to the unit above, whose review APPROVES it (final) or RETURNS it with a note (editable again); the
 * reviews are kept, append-only.
 */
@ApplicationScoped
public class PlanService {

    static final int MAX_ITEMS = 200;

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PlanLists lists;
    private final PlanItemNotices notices;

    PlanService(EntityManager em, BusinessCalendar calendar, PlanLists lists, PlanItemNotices notices) {
        this.em = em;
        this.calendar = calendar;
        this.lists = lists;
        this.notices = notices;
    }

    /** A new DRAFT plan; 409 ANNUAL_PLAN_EXISTS (naming it) when the unit has that year's plan of that owner. */
    @Transactional
    public PlanViews.View create(PlanViews.Create request, String by) {
        OrgUnit unit = OrgUnit.findById(request.unitId());
        if (unit == null) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_UNIT_NOT_FOUND, request.unitId().toString());
        }
        if (unit.kind != OrgUnitKind.BRANCH) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_NOT_A_BRANCH, unit.kind.name());
        }
        if (request.ownerId() != null && !onCommittee(unit.id, request.ownerId())) {
            // the id only: a name would tell a caller who someone outside their sight is
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_OWNER_NOT_COMMITTEE, request.ownerId().toString());
        }
        UUID id = UUID.randomUUID();
        Instant now = calendar.now();
        // of two plans made at once for the same unit, year and owner, the unique key keeps the first
        int inserted = em.createNativeQuery("insert into annual_plan (id, unit_id, year, owner_id, state, version, "
                + "created_by, created_at, updated_at) values (:id, :unit, :year, :owner, 'DRAFT', 0, :by, :now, :now) "
                + "on conflict do nothing").setParameter("id", id).setParameter("unit", unit.id)
                .setParameter("year", request.year()).setParameter("owner", request.ownerId())
                .setParameter("by", by).setParameter("now", now).executeUpdate();
        if (inserted == 0) {
            var query = em.createQuery("select p.id from AnnualPlan p where p.unitId = :unit and p.year = :year and "
                    + (request.ownerId() == null ? "p.ownerId is null" : "p.ownerId = :owner"), UUID.class)
                    .setParameter("unit", unit.id).setParameter("year", request.year());
            if (request.ownerId() != null) {
                query.setParameter("owner", request.ownerId());
            }
            UUID existing = query.getSingleResult();
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_EXISTS, existing.toString())
                    .header("Location", "/v1/annual-plans/" + existing);
        }
        return lists.view(em.find(AnnualPlan.class, id));
    }

    /** A new item and the plan it joined. */
    public record Added(UUID itemId, PlanViews.View plan) {
    }

    @Transactional
    public Added addItem(UUID planId, IfMatch precondition, PlanViews.ItemRequest request) {
        AnnualPlan plan = editable(planId, precondition);
        if (PlanItem.count("planId", plan.id) >= MAX_ITEMS) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEMS_TOO_MANY, MAX_ITEMS);
        }
        Instant now = calendar.now();
        PlanItem item = new PlanItem();
        item.id = UUID.randomUUID();
        item.planId = plan.id;
        item.evidenceLinks = new String[0];
        item.createdAt = now;
        apply(item, plan, request, now);
        item.persist();
        notices.changed(item);
        return new Added(item.id, touched(plan, now));
    }

    /** An item, all of it; an OTHER item ticked done stays done unless its kind changes. */
    @Transactional
    public PlanViews.View changeItem(UUID planId, UUID itemId, IfMatch precondition, PlanViews.ItemRequest request) {
        AnnualPlan plan = editable(planId, precondition);
        PlanItem item = item(plan, itemId);
        Instant now = calendar.now();
        apply(item, plan, request, now);
        if (item.kind.recorded()) {
            untick(item);
        }
        notices.changed(item);
        return touched(plan, now);
    }

    @Transactional
    public PlanViews.View deleteItem(UUID planId, UUID itemId, IfMatch precondition) {
        AnnualPlan plan = editable(planId, precondition);
        PlanItem item = item(plan, itemId);
        notices.gone(item);
        item.delete();
        return touched(plan, calendar.now());
    }

    /** An OTHER item is done, with its evidence (422 for a recorded kind, 409 if done already). */
    @Transactional
    public PlanViews.View complete(UUID planId, UUID itemId, IfMatch precondition, PlanViews.Completion request,
            String by) {
        AnnualPlan plan = editable(planId, precondition);
        PlanItem item = item(plan, itemId);
        if (item.kind.recorded()) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_RECORDED, item.kind.name());
        }
        if (item.doneAt != null) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_STATE_CONFLICT, "DONE");
        }
        Instant now = calendar.now();
        item.doneAt = now;
        item.doneBy = by;
        item.evidence = request.evidence().strip();
        item.evidenceLinks = request.links() == null ? new String[0]
                : request.links().stream().distinct().toArray(String[]::new);
        item.updatedAt = now;
        notices.gone(item);
        return touched(plan, now);
    }

    /** An OTHER item is not done after all: its evidence is cleared (409 if it is not ticked). */
    @Transactional
    public PlanViews.View undo(UUID planId, UUID itemId, IfMatch precondition) {
        AnnualPlan plan = editable(planId, precondition);
        PlanItem item = item(plan, itemId);
        if (item.kind.recorded()) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_RECORDED, item.kind.name());
        }
        if (item.doneAt == null) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_STATE_CONFLICT, "NOT_DONE");
        }
        Instant now = calendar.now();
        untick(item);
        item.updatedAt = now;
        notices.changed(item);
        return touched(plan, now);
    }

    @Transactional
    public PlanViews.View summary(UUID planId, IfMatch precondition, PlanViews.Summary request) {
        AnnualPlan plan = editable(planId, precondition);
        plan.summary = request.text().strip();
        return touched(plan, calendar.now());
    }

    /** A DRAFT or RETURNED plan with its summary goes to the unit above: SUBMITTED, no more edits. */
    @Transactional
    public PlanViews.View submit(UUID planId, IfMatch precondition, String by) {
        AnnualPlan plan = locked(planId);
        precondition.check(plan.version);
        if (!plan.state.editable()) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_STATE_CONFLICT, plan.state.name());
        }
        if (plan.summary == null) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_SUMMARY_MISSING);
        }
        Instant now = calendar.now();
        plan.state = PlanState.SUBMITTED;
        plan.submittedAt = now;
        plan.submittedBy = by;
        return touched(plan, now);
    }

    /**
     * The unit above decides a SUBMITTED plan, under its row lock: of two reviews at once one decides, the other
     * answers 409. The review joins the plan's history.
     */
    @Transactional
    public PlanViews.View review(UUID planId, PlanViews.ReviewRequest request, String by, UUID reviewerPersonId) {
        AnnualPlan plan = locked(planId);
        if (plan.state != PlanState.SUBMITTED) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_STATE_CONFLICT, plan.state.name());
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (request.decision() == ReviewDecision.RETURNED && note == null) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_NOTE_REQUIRED);
        }
        Instant now = calendar.now();
        em.createNativeQuery("insert into annual_plan_review (id, plan_id, decision, note, reviewed_by, "
                + "reviewer_person_id, reviewed_at) values (:id, :plan, :decision, :note, :by, :person, :at)")
                .setParameter("id", UUID.randomUUID()).setParameter("plan", plan.id)
                .setParameter("decision", request.decision().name()).setParameter("note", note)
                .setParameter("by", by).setParameter("person", reviewerPersonId).setParameter("at", now)
                .executeUpdate();
        plan.state = request.decision() == ReviewDecision.APPROVED ? PlanState.APPROVED : PlanState.RETURNED;
        return touched(plan, now);
    }

    /** The plan, locked, if {@code precondition} names its version and it may still change. */
    private AnnualPlan editable(UUID planId, IfMatch precondition) {
        AnnualPlan plan = locked(planId);
        precondition.check(plan.version);
        if (!plan.state.editable()) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_SUBMITTED, plan.state.name());
        }
        return plan;
    }

    private AnnualPlan locked(UUID planId) {
        AnnualPlan plan = em.find(AnnualPlan.class, planId, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return plan;
    }

    private static PlanItem item(AnnualPlan plan, UUID itemId) {
        PlanItem item = PlanItem.findById(itemId);
        if (item == null || !item.planId.equals(plan.id)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return item;
    }

    private void apply(PlanItem item, AnnualPlan plan, PlanViews.ItemRequest request, Instant now) {
        if ((request.kind() == ItemKind.SESSIONS) != (request.sessionKind() != null)) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_SESSION_KIND, request.kind().name());
        }
        if ((request.targetCount() == null) == (request.targetDate() == null)) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_TARGET);
        }
        LocalDate date = request.targetDate();
        if (date != null && date.getYear() != plan.year) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_DATE_OUTSIDE_YEAR, date.toString(),
                    Integer.toString(plan.year));
        }
        UUID owner = request.ownerId() != null ? request.ownerId() : plan.ownerId;
        if (owner != null && !owner.equals(item.ownerId) && !isMember(plan.unitId, owner)) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_ITEM_OWNER_NOT_MEMBER, owner.toString());
        }
        item.kind = request.kind();
        item.sessionKind = request.sessionKind();
        item.title = request.title().strip();
        item.targetCount = request.targetCount();
        item.targetDate = date;
        item.ownerId = owner;
        item.updatedAt = now;
    }

    private static void untick(PlanItem item) {
        item.doneAt = null;
        item.doneBy = null;
        item.evidence = null;
        item.evidenceLinks = new String[0];
    }

    /** The plan changed now: its version moves (on flush), and its view is answered. */
    private PlanViews.View touched(AnnualPlan plan, Instant now) {
        plan.updatedAt = now;
        em.flush();
        return lists.view(plan);
    }

    private boolean onCommittee(UUID branchId, UUID personId) {
        return ((Number) em.createNativeQuery("select count(*) from branch_committee_member where branch_id = :branch "
                + "and person_id = :person").setParameter("branch", branchId).setParameter("person", personId)
                .getSingleResult()).longValue() > 0;
    }

    /** The person is a member of the branch today. */
    private boolean isMember(UUID branchId, UUID personId) {
        return ((Number) em.createNativeQuery("select count(*) from membership where person_id = :person and "
                + "org_unit_id = :branch and is_branch and start_date <= :today and (end_date is null or end_date >= "
                + ":today)").setParameter("person", personId).setParameter("branch", branchId)
                .setParameter("today", calendar.today()).getSingleResult()).longValue() > 0;
    }
}
