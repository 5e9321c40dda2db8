package cn.zhibu.annual.plan;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may see and change an annual plan. Seen by ANNUAL_READ on its unit, and by its owner; changed (items, summary,
 * submission) by ANNUAL_MANAGE on its unit or by the owner of a personal plan; an OTHER item ticked by its own owner
 * or ANNUAL_MANAGE; reviewed by ANNUAL_MANAGE on the unit above (the parent of the plan's unit; a unit without a
 * parent reviews its own plans). Out of sight answers 404, in sight but not allowed 403.
 */
@ApplicationScoped
public class PlanAccess {

    private final Access access;
    private final PlanLists lists;

    PlanAccess(Access access, PlanLists lists) {
        this.access = access;
        this.lists = lists;
    }

    /** The plan's parties, if the caller may see it; otherwise not found. */
    public PlanLists.Parties readable(UUID planId) {
        PlanLists.Parties parties = lists.parties(planId)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.ANNUAL_READ, parties.unitId()) && !owns(parties.ownerId())) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return parties;
    }

    /** The caller may change the plan: ANNUAL_MANAGE on its unit, or its owner. */
    public void editable(UUID planId) {
        PlanLists.Parties parties = readable(planId);
        if (!access.allows(Action.ANNUAL_MANAGE, parties.unitId()) && !owns(parties.ownerId())) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    /** The caller may tick an item done or undo it: ANNUAL_MANAGE on the plan's unit, or the item's owner. */
    public void tickable(UUID planId, UUID itemId) {
        PlanLists.Parties parties = readable(planId);
        UUID owner = lists.itemOwner(planId, itemId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND))
                .ownerId();
        if (!access.allows(Action.ANNUAL_MANAGE, parties.unitId()) && !owns(owner)) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    /** The caller reviews for the unit above: ANNUAL_MANAGE on the parent of the plan's unit (or on a root unit). */
    public void reviewer(UUID planId) {
        PlanLists.Parties parties = readable(planId);
        UUID above = parties.parentId() != null ? parties.parentId() : parties.unitId();
        // nobody approves their own plan, even where they also manage the unit above
        if (!access.allows(Action.ANNUAL_MANAGE, above) || owns(parties.ownerId())) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_NOT_REVIEWER);
        }
    }

    /** A plan made for this unit and owner may be made by the caller: 422 for a unit out of sight, 403 otherwise. */
    public void creatable(UUID unitId, UUID ownerId) {
        if (access.allows(Action.ANNUAL_MANAGE, unitId)) {
            return;
        }
        if (!access.allows(Action.ANNUAL_READ, unitId)) {
            throw new ProblemException(PlanProblem.ANNUAL_PLAN_UNIT_NOT_FOUND, unitId.toString());
        }
        if (!owns(ownerId)) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    public void requireRead(UUID unitId) {
        access.require(Action.ANNUAL_READ, unitId);
    }

    public UUID person() {
        return access.personId().orElse(null);
    }

    private boolean owns(UUID ownerId) {
        return ownerId != null && access.personId().filter(ownerId::equals).isPresent();
    }
}
