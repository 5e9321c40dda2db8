package cn.zhibu.leaderboard;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's boards fill themselves from the demo ledger (the
 * standings follow every credit); here one demo member, {@code DEMO-1030}, chooses to appear as 匿名, so the
 * boards show how anonymous people still count. Added once.
 */
@ApplicationScoped
public class LeaderboardDemoData {

    private static final Logger LOG = Logger.getLogger(LeaderboardDemoData.class);

    private final EntityManager em;
    private final boolean enabled;

    LeaderboardDemoData(EntityManager em, @ConfigProperty(name = "zhibu.demo", defaultValue = "false") boolean enabled) {
        this.em = em;
        this.enabled = enabled;
    }

    @Transactional
    void load(@Observes @Priority(70) StartupEvent event) {
        if (!enabled) {
            return;
        }
        int chosen = em.createNativeQuery("""
                insert into leaderboard_preference (person_id, anonymous, updated_at)
                select id, true, :at from person where external_id = 'DEMO-1030'
                on conflict (person_id) do nothing""").setParameter("at", Instant.now()).executeUpdate();
        if (chosen > 0) {
            LOG.info("Demo data: DEMO-1030 appears as 匿名 on the boards");
        }
    }
}
