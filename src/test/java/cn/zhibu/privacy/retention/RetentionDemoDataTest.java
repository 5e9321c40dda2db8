package cn.zhibu.privacy.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo data starts the purge log with a run, once. */
@QuarkusTest
class RetentionDemoDataTest {

    @Inject
    RetentionDemoData demo;

    @Test
    void theLogHasARunAfterLoadingAndLoadingAgainAddsNothing() {
        demo.load();
        long rows = Sql.count("select count(*) from retention_purge");
        assertTrue(rows >= 1, "rows " + rows);
        demo.load();
        assertEquals(rows, Sql.count("select count(*) from retention_purge"));
    }
}
