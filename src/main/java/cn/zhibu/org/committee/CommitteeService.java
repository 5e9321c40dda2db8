package cn.zhibu.org.committee;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.db.AdvisoryLocks;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Branch committees (支部委员会): who sits on one and in which post. The whole committee is replaced at once, one
 * change at a time per branch; its members are current members of the branch.
 */
@ApplicationScoped
public class CommitteeService {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final EntityManager em;
    private final AdvisoryLocks locks;
    private final BusinessCalendar calendar;

    CommitteeService(EntityManager em, AdvisoryLocks locks, BusinessCalendar calendar) {
        this.em = em;
        this.locks = locks;
        this.calendar = calendar;
    }

    @SuppressWarnings("unchecked")
    public CommitteeViews.Committee of(UUID branchId) {
        branch(branchId);
        List<Tuple> rows = em.createNativeQuery("select c.person_id as person_id, p.name as name, c.post as post, "
                + "c.position as position, c.since as since from branch_committee_member c join person p "
                + "on p.id = c.person_id where c.branch_id = :branch order by c.position", Tuple.class)
                .setParameter("branch", branchId).getResultList();
        return new CommitteeViews.Committee(branchId, rows.stream().map(r -> new CommitteeViews.Member(
                Rows.uuid(r, "person_id"), Rows.string(r, "name"), CommitteePost.valueOf(Rows.string(r, "post")),
                Rows.integer(r, "position"), Rows.localDate(r, "since"))).toList());
    }

    @Transactional
    public CommitteeViews.Committee replace(UUID branchId, CommitteeViews.Change change) {
        branch(branchId);
        locks.lock("branch-committee:" + branchId, WAIT, () -> new ProblemException(CommitteeProblem.COMMITTEE_BUSY));
        if (change.members().stream().filter(s -> s.post() == CommitteePost.SECRETARY).count() > 1) {
            throw new ProblemException(CommitteeProblem.COMMITTEE_ONE_SECRETARY);
        }
        LocalDate today = calendar.today();
        Set<UUID> seen = new HashSet<>();
        for (CommitteeViews.Seat seat : change.members()) {
            if (!seen.add(seat.personId()) || !member(seat.personId(), branchId, today)) {
                throw new ProblemException(CommitteeProblem.COMMITTEE_MEMBER_INVALID, seat.personId().toString());
            }
        }
        em.createNativeQuery("delete from branch_committee_member where branch_id = :branch")
                .setParameter("branch", branchId).executeUpdate();
        int position = 0;
        for (CommitteeViews.Seat seat : change.members()) {
            em.createNativeQuery("insert into branch_committee_member (branch_id, person_id, post, position, since) "
                    + "values (:branch, :person, :post, :position, :since)").setParameter("branch", branchId)
                    .setParameter("person", seat.personId()).setParameter("post", seat.post().name())
                    .setParameter("position", ++position)
                    .setParameter("since", seat.since() == null ? today : seat.since()).executeUpdate();
        }
        return of(branchId);
    }

    private boolean member(UUID personId, UUID branchId, LocalDate on) {
        return ((Number) em.createNativeQuery("select count(*) from membership m join person p on p.id = m.person_id "
                + "where m.person_id = :person and m.org_unit_id = :branch and m.is_branch and p.active "
                + "and m.start_date <= :on and (m.end_date is null or m.end_date >= :on)")
                .setParameter("person", personId).setParameter("branch", branchId).setParameter("on", on)
                .getSingleResult()).longValue() > 0;
    }

    private static void branch(UUID id) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(id).orElseThrow(() -> new ProblemException(
                ProblemCode.NOT_FOUND));
        if (unit.kind != OrgUnitKind.BRANCH) {
            throw new ProblemException(CommitteeProblem.COMMITTEE_NOT_A_BRANCH, unit.name);
        }
    }
}
