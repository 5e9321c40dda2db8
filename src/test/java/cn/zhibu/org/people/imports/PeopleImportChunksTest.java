package cn.zhibu.org.people.imports;

import static cn.zhibu.org.people.imports.ImportFiles.HEADER;
import static cn.zhibu.org.people.imports.ImportFiles.csv;
import static cn.zhibu.org.people.imports.ImportFiles.upload;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A people import writes in chunks that never queue behind someone else's lock on a person: a chunk that meets one
 * rolls back and is tried again, so the import goes through once the person is free, and, when the person stays
 * locked, ends ERROR having written nothing of that chunk; the same file run again then finishes it.
 */
@QuarkusTest
class PeopleImportChunksTest {

    @Inject
    AgroalDataSource dataSource;

    String tag;
    String branchName;

    @BeforeEach
    void tree() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        branchName = "分块支部" + tag;
        unit("BRANCH", branchName, unit("COMMITTEE", "分块党委" + tag, null));
    }

    static RequestSpecification admin() {
        return Api.as("chunk-importer", Roles.ORG_ADMIN);
    }

    byte[] file(String jobTitle) {
        return csv(HEADER, List.of(
                "C" + tag + "-1,甲,FEMALE,1985-03-08,FULL,2010-07-01," + jobTitle + ",false,," + branchName + ",",
                "C" + tag + "-2,乙,MALE,1986-03-08,NON_MEMBER,," + jobTitle + ",false,," + branchName + ",",
                "C" + tag + "-3,丙,MALE,1987-03-08,ACTIVIST,," + jobTitle + ",false,," + branchName + ","))
                .getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> run(byte[] file) {
        Response accepted = upload(admin(), file, "text/csv; charset=utf-8", "false");
        accepted.then().statusCode(202);
        return ImportFiles.finished(PeopleImportChunksTest::admin, accepted.header("Location"), job -> { });
    }

    @Test
    void aChunkMeetingALockedPersonIsTriedAgainAndGoesThroughOnceThePersonIsFree() throws Exception {
        assertEquals(3, run(file("科员")).get("created"));
        Response accepted;
        try (Connection holder = lockPerson("C" + tag + "-2")) {
            accepted = upload(admin(), file("副科长"), "text/csv; charset=utf-8", "false");
            accepted.then().statusCode(202);
            waitForAWaitOnAPersonLock();
            holder.rollback();
        }
        Map<String, Object> job = ImportFiles.finished(PeopleImportChunksTest::admin, accepted.header("Location"),
                seen -> { });
        assertEquals("SUCCEEDED", job.get("state"), job.toString());
        assertEquals(3, job.get("updated"));
        assertEquals(3, titled("副科长"));
    }

    @Test
    void aPersonLockedThroughoutEndsTheImportAndTheSameFileFinishesItLater() throws Exception {
        assertEquals(3, run(file("科员")).get("created"));
        Map<String, Object> stopped;
        try (Connection holder = lockPerson("C" + tag + "-3")) {
            stopped = run(file("主任科员"));
            holder.rollback();
        }
        assertEquals("ERROR", stopped.get("state"), stopped.toString());
        assertEquals(0, titled("主任科员"), "the chunk with the locked person was rolled back whole");
        Map<String, Object> again = run(file("主任科员"));
        assertEquals("SUCCEEDED", again.get("state"), again.toString());
        assertEquals(3, again.get("updated"));
        assertEquals(3, titled("主任科员"));
    }

    /** A transaction of someone else's that holds the person's row (as a change to the person does). */
    Connection lockPerson(String externalId) throws Exception {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("select id from person where external_id = ? for update")) {
            lock.setString(1, externalId);
            lock.executeQuery().close();
        }
        return holder;
    }

    /** Until a session of the service waits for a lock on a person row (the import's chunk, for up to 200 ms). */
    void waitForAWaitOnAPersonLock() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (Connection watcher = dataSource.getConnection(); PreparedStatement waiting = watcher.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%person%'")) {
            while (true) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "the import never waited for the locked person");
                Thread.onSpinWait();
            }
        }
    }

    long titled(String jobTitle) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from person where external_id like ? and job_title = ?")) {
            s.setString(1, "C" + tag + "-%");
            s.setString(2, jobTitle);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
