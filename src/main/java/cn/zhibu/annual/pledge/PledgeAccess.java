package cn.zhibu.annual.pledge;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and do what with a pledge: its unit's readers see it (others: not found), its unit's managers manage
 * it, a current member of the unit's subtree signs it, and a review is the member's own and their managers'.
 */
@ApplicationScoped
public class PledgeAccess {

    /** Current members of the subtree of the unit with materialised path {@code :path}. */
    static final String MEMBERS = "select distinct m.person_id from membership m join org_unit u on u.id = m.org_unit_id "
            + "join person p on p.id = m.person_id where m.end_date is null and p.active and u.path like :path || '%'";

    private final EntityManager em;
    private final Access access;

    PledgeAccess(EntityManager em, Access access) {
        this.em = em;
        this.access = access;
    }

    /** The pledge's unit, if the caller may see the unit's pledges; otherwise not found (404). */
    public UUID readable(UUID pledgeId) {
        UUID unit = em.createQuery("select p.unitId from Pledge p where p.id = :id", UUID.class)
                .setParameter("id", pledgeId).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.ANNUAL_READ, unit)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return unit;
    }

    /** The pledge's unit, if the caller may manage it: 404 out of sight, 403 in sight only. */
    public UUID managed(UUID pledgeId) {
        UUID unit = readable(pledgeId);
        access.require(Action.ANNUAL_MANAGE, unit);
        return unit;
    }

    /** Whether the caller may manage the unit's pledges (and so see the figure of those who have not signed). */
    public boolean manages(UUID unitId) {
        return access.allows(Action.ANNUAL_MANAGE, unitId);
    }

    /** The caller's own person: 403 PLEDGE_NOT_A_PERSON for an account without one. */
    public UUID caller() {
        return access.personId().orElseThrow(() -> new ProblemException(PledgeProblem.PLEDGE_NOT_A_PERSON));
    }

    /** Whether the caller is this person. */
    public boolean isCaller(UUID personId) {
        return access.personId().map(personId::equals).orElse(false);
    }

    /**
     * A review of the pledge's member: the member themself or the pledge unit's managers; 404 if the pledge is out
     * of sight, 403 for others.
     */
    public void reviewReadable(UUID pledgeId, UUID personId) {
        UUID unit = readable(pledgeId);
        if (!isCaller(personId)) {
            access.require(Action.ANNUAL_MANAGE, unit);
        }
    }

    /**
     * A person's pledges: the person themself, or those who manage the annual cycle of their branch (404 for who
     * cannot see the branch's, 403 for who only sees it). Answers the person's branch (now, or their last one).
     */
    public Optional<UUID> personReadable(UUID personId) {
        Optional<UUID> branch = branchOf(personId);
        if (isCaller(personId)) {
            return branch;
        }
        if (branch.isEmpty() || !access.allows(Action.ANNUAL_READ, branch.get())) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        access.require(Action.ANNUAL_MANAGE, branch.get());
        return branch;
    }

    /** The person's current branch, or the last one they belonged to. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> branchOf(UUID personId) {
        List<UUID> found = em.createNativeQuery("select m.org_unit_id from membership m where m.person_id = :person "
                + "and m.is_branch order by (m.end_date is null) desc, m.start_date desc, m.created_at desc limit 1")
                .setParameter("person", personId).getResultList();
        return found.stream().findFirst();
    }

    /** Whether the person is a current member of the unit's subtree. */
    public boolean isMember(UUID personId, UUID unitId) {
        return ((Number) em.createNativeQuery("select count(*) from (" + MEMBERS + ") x where x.person_id = :person")
                .setParameter("path", path(unitId)).setParameter("person", personId).getSingleResult()).intValue() > 0;
    }

    /** The unit's materialised path. */
    public String path(UUID unitId) {
        return (String) em.createNativeQuery("select path from org_unit where id = :id").setParameter("id", unitId)
                .getSingleResult();
    }
}
