package cn.zhibu.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.leaderboard.Standings;
import io.quarkus.arc.Arc;
import java.time.Duration;

/**
 * Boards of others take in new ledger entries a moment after they are made (the standings applier); a test that
 * reads them right after writing waits for the applier here first, as a person would see them a moment later.
 */
public final class StandingsCaughtUp {

    private StandingsCaughtUp() {
    }

    /** Returns once every ledger entry committed so far is in the weekly standings. */
    public static void await() {
        assertTrue(Arc.container().instance(Standings.class).get().catchUp(Duration.ofSeconds(30)),
                "the standings applier caught up within 30 s");
    }
}
