package cn.zhibu.leaderboard;

import cn.zhibu.org.OrgDemoData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's boards fill themselves from the demo ledger (the
 * standings follow every credit); here one demo member, {@code DEMO-1030}, chooses to appear as 匿名, so the
 * boards show how anonymous people still count; the branch has chosen to publish named boards (the default shows
 * each member their own standing), and its last three weeks are published with their proposed study leaders
 * confirmed. Added once.
 */
@ApplicationScoped
public class LeaderboardDemoData {

    private static final Logger LOG = Logger.getLogger(LeaderboardDemoData.class);

    private static final String BY = "system:demo";

    private final EntityManager em;
    private final PublishedWeeks weeks;
    private final StudyLeaders leaders;
    private final Pagination pagination;
    private final BusinessCalendar calendar;
    private final BoardVisibility visibility;

    LeaderboardDemoData(EntityManager em, PublishedWeeks weeks, StudyLeaders leaders, Pagination pagination,
            BusinessCalendar calendar, BoardVisibility visibility) {
        this.em = em;
        this.visibility = visibility;
        this.weeks = weeks;
        this.leaders = leaders;
        this.pagination = pagination;
        this.calendar = calendar;
    }

    @Transactional
    public void load() {
        int chosen = em.createNativeQuery("""
                insert into leaderboard_preference (person_id, anonymous, updated_at)
                select id, true, :at from person where external_id = 'DEMO-1030'
                on conflict (person_id) do nothing""").setParameter("at", calendar.now()).executeUpdate();
        if (chosen > 0) {
            LOG.info("Demo data: DEMO-1030 appears as 匿名 on the boards");
        }
        @SuppressWarnings("unchecked")
        List<Object> branch = em.createNativeQuery("select id from org_unit where kind = 'BRANCH' and name = :name")
                .setParameter("name", OrgDemoData.BRANCH).getResultList();
        if (branch.isEmpty()) {
            return;
        }
        UUID unit = (UUID) branch.get(0);
        if (!unit.equals(visibility.find(unit).chosenBy())) {
            visibility.choose(unit, null, new VisibilityViews.Change(VisibilityViews.PersonBoards.PUBLISHED,
                    VisibilityViews.UnitBoards.PUBLISHED, true), BY);
            LOG.info("Demo data: the demo branch publishes named boards (the default shows each member their own)");
        }
        int published = 0;
        for (IsoWeek week = calendar.currentWeek().previous().previous().previous(); week.compareTo(
                calendar.currentWeek()) < 0; week = week.next()) {
            boolean made = weeks.publish(unit, week, BY, pagination.request(null, null, "demo"), Seen.EVERYTHING)
                    .created();
            List<UUID> proposed = leaders.week(unit, week).items().stream()
                    .filter(l -> l.state() == StudyLeaderViews.State.PROPOSED).map(StudyLeaderViews.Leader::personId)
                    .toList();
            if (made && !proposed.isEmpty()) {
                leaders.confirm(unit, week, proposed, BY);
            }
            published += made ? 1 : 0;
        }
        if (published > 0) {
            LOG.infof("Demo data: the demo branch's last %d weeks published, with their study leaders confirmed",
                    published);
        }
    }
}
