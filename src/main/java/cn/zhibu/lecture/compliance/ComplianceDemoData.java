package cn.zhibu.lecture.compliance;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch keeps the default requirements and held its branch committee
 * meeting (支部委员会) in every month of this year up to last month but one, the month before last, so that the
 * compliance view shows one missed month; the first members by external id (the committee) attended. Runs after the
 * people and the party days of the demo branch are loaded (it adds nothing when the branch already has a branch
 * committee meeting).
 */
@ApplicationScoped
public class ComplianceDemoData {

    private static final Logger LOG = Logger.getLogger(ComplianceDemoData.class);
    private static final String BY = "system:demo";
    /** Without a named committee, the members who attend: the first few of the branch by external id. */
    private static final int COMMITTEE = 5;

    private final EntityManager em;
    private final BusinessCalendar calendar;

    ComplianceDemoData(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty() || ((Number) em.createNativeQuery("select count(*) from party_day where branch_id = :b "
                + "and kind = 'BRANCH_COMMITTEE'").setParameter("b", found.get()).getSingleResult()).longValue() > 0) {
            return;
        }
        UUID branch = found.get();
        LocalDate today = calendar.today();
        int pastMonths = today.getMonthValue() - 1;
        int missed = pastMonths >= 2 ? pastMonths - 1 : pastMonths; // the month before last (or the only past one)
        // the committee the demo names (SessionsDemoData), or else the first members of the branch
        List<UUID> committee = em.createNativeQuery("select c.person_id from branch_committee_member c "
                + "where c.branch_id = :b order by c.position").setParameter("b", branch).getResultList();
        if (committee.isEmpty()) {
            committee = em.createNativeQuery("select p.id from membership m join person p on p.id = m.person_id "
                    + "where m.org_unit_id = :b and m.is_branch and m.end_date is null and p.active "
                    + "order by p.external_id limit " + COMMITTEE).setParameter("b", branch).getResultList();
        }
        int held = 0;
        for (int month = 1; month <= pastMonths; month++) {
            if (month == missed) {
                continue;
            }
            LocalDate day = LocalDate.of(today.getYear(), month, 5);
            Instant starts = day.atTime(LocalTime.of(9, 0)).atZone(calendar.zone()).toInstant();
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, place, "
                    + "agenda, lecture_slots, state, version, created_at, updated_at) values (:id, :b, "
                    + "'BRANCH_COMMITTEE', :starts, :ends, :on, :theme, '机关三楼小会议室', :agenda, 0, 'HELD', 0, :starts, "
                    + ":ends)").setParameter("id", id).setParameter("b", branch).setParameter("starts", starts)
                    .setParameter("ends", starts.plusSeconds(5400)).setParameter("on", day)
                    .setParameter("theme", month + "月支部委员会").setParameter("agenda", "一、传达学习上级精神\n二、研究本月党建工作")
                    .executeUpdate();
            for (UUID person : committee) {
                em.createNativeQuery("insert into attendance (party_day_id, person_id, status, method, reason, "
                        + "recorded_at, recorded_by) values (:d, :p, 'PRESENT', 'RECORDED', null, :at, :by)")
                        .setParameter("d", id).setParameter("p", person).setParameter("at", starts)
                        .setParameter("by", BY).executeUpdate();
            }
            held++;
        }
        LOG.infof("Demo data: %d branch committee meetings of the demo branch, month %d missed", held, missed);
    }
}
