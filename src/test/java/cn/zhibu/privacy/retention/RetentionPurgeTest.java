package cn.zhibu.privacy.retention;

import static cn.zhibu.privacy.retention.RetentionFixtures.checkIn;
import static cn.zhibu.privacy.retention.RetentionFixtures.left;
import static cn.zhibu.privacy.retention.RetentionFixtures.opening;
import static cn.zhibu.privacy.retention.RetentionFixtures.row;
import static cn.zhibu.privacy.retention.RetentionFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retention purge removes or erases exactly what has been kept longer than its class's retention (a record just
 * past it goes, one just within it stays), touches nothing else, and a second run changes nothing.
 */
@QuarkusTest
class RetentionPurgeTest {

    private static final Duration YEAR = Duration.ofDays(365);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final List<String> INTEGRITY_TABLES = List.of("integrity_file", "integrity_entry",
            "integrity_entry_payload", "integrity_declaration", "integrity_relation", "integrity_audit",
            "integrity_checkpoint");

    @Inject
    RetentionPurge purge;

    @Test
    void eachClassIsPurgedUpToItsBoundaryAndASecondRunChangesNothing() {
        Instant now = TestTime.calendar().now();
        LocalDate today = TestTime.calendar().dateOf(now);
        String branch = OrgFixtures.unit("BRANCH", null);
        String material = StudyFixtures.material(branch);

        // material openings, one just past a year and one just within
        String reader = RetentionFixtures.person(branch);
        opening(reader, material, today.minusDays(366), now.minus(YEAR).minus(SECOND));
        opening(reader, material, today.minusDays(365), now.minus(YEAR).plus(SECOND));

        // check-ins: the evidence of rejected ones past a year is cleared; flagged ones (still to be reviewed, with
        // their study time to credit) and credited ones keep theirs
        String flaggedOld = checkIn(reader, branch, material, today.minusDays(400), "FLAGGED",
                now.minus(YEAR).minus(SECOND));
        String rejectedOld = checkIn(reader, branch, material, today.minusDays(401), "REJECTED",
                now.minus(YEAR).minus(SECOND));
        String flaggedYoung = checkIn(reader, branch, material, today.minusDays(364), "FLAGGED",
                now.minus(YEAR).plus(SECOND));
        String creditedOld = checkIn(reader, branch, material, today.minusDays(402), "CREDITED",
                now.minus(YEAR).minus(SECOND));

        // people who left: just past three years, just within, long ago with an integrity file, and one still here
        String gone = RetentionFixtures.person(branch);
        checkIn(gone, branch, material, today.minusDays(1200), "CREDITED", now.minus(Duration.ofDays(1200)));
        StandingsCaughtUp.await();
        publishedSnapshot(gone, branch);
        String stays = RetentionFixtures.person(branch);
        String cadre = RetentionFixtures.person(branch);
        String member = RetentionFixtures.person(branch);
        RetentionFixtures.integrityFile(cadre, branch);
        left(gone, today.minusDays(1096));
        left(stays, today.minusDays(1095));
        left(cadre, today.minusDays(2000));
        String goneName = text("select name from person where id = ?1", UUID.fromString(gone));
        String cadreName = text("select name from person where id = ?1", UUID.fromString(cadre));
        String history = history(gone);
        assertTrue(history.matches("[^|]+\\|[^|]+\\|[^|]+"),
                "a ledger entry, a week score and a published row: " + history);
        String untouched = people(stays, member);
        List<Long> integrity = integrityCounts();

        RetentionPurge.Run first = purge.purge(now);

        assertEquals(0, Sql.count("select count(*) from material_opening where person_id = ?1 and opened_at < ?2",
                reader, now.minus(YEAR)));
        assertEquals(1, Sql.count("select count(*) from material_opening where person_id = ?1", reader));
        assertTrue(first.purged("MATERIAL_OPENINGS") >= 1);

        assertEquals(List.of("学习笔记", "600", "kept", "BURST", "FLAGGED"), evidence(flaggedOld));
        assertEquals(List.of("null", "null", "null", "BURST", "REJECTED"), evidence(rejectedOld));
        assertEquals("reviewer|证据不足", text("select reviewed_by || '|' || review_reason from check_in where id = ?1",
                UUID.fromString(rejectedOld)));
        assertEquals(List.of("学习笔记", "600", "kept", "BURST", "FLAGGED"), evidence(flaggedYoung));
        assertEquals(List.of("学习笔记", "600", "kept", "null", "CREDITED"), evidence(creditedOld));
        assertTrue(first.purged("CHECK_IN_EVIDENCE") >= 1);

        // the person who left over three years ago is erased; their points history stays as it was
        List<Object> erased = row("select name, phone_cipher is null, external_id, job_title, party_join_date, "
                + "cast(birth_date as varchar), erased_at is not null, version from person where id = ?1",
                UUID.fromString(gone));
        assertEquals(List.of(LeaverErasure.ERASED_NAME, true), erased.subList(0, 2));
        assertNull(erased.get(2));
        assertNull(erased.get(3));
        assertNull(erased.get(4));
        assertEquals("1980-01-01", erased.get(5));
        assertEquals(true, erased.get(6));
        assertEquals(now, Instant.parse(text("select to_char(erased_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from person where id = ?1", UUID.fromString(gone))));
        assertContactErased(gone);
        assertEquals(history, history(gone));
        assertEquals(goneName, text("select name from published_person where person_id = ?1", UUID.fromString(gone)));
        // the published week, frozen with the old name, shows the erased one
        cn.zhibu.testing.OrgFixtures.publishBoards(branch);
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/" + branch + "/weeks/2023-W01").then()
                .statusCode(200).body("people.name", org.hamcrest.Matchers.equalTo(List.of(LeaverErasure.ERASED_NAME)));
        String etag = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/people/" + gone).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(LeaverErasure.ERASED_NAME))
                .body("phone", org.hamcrest.Matchers.nullValue()).extract().header("ETag");
        // an erased person's details are not written again (the name would come back)
        Map<String, Object> change = new java.util.HashMap<>(cn.zhibu.testing.OrgFixtures.personBody(goneName, branch));
        change.keySet().retainAll(java.util.Set.of("name", "gender", "birthDate", "politicalStatus", "partyJoinDate",
                "jobTitle", "leadingCadre"));
        cn.zhibu.testing.ProblemAssertions.problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", etag)
                .body(change).put("/v1/people/" + gone).then(), 409, "PERSON_ERASED");
        assertTrue(first.purged("PEOPLE_WHO_LEFT") >= 1);

        // a cadre with an integrity file keeps their name and the file; only their contact fields go
        assertEquals(cadreName, text("select name from person where id = ?1", UUID.fromString(cadre)));
        assertEquals(List.of(true, true, true, true), row("select phone_cipher is null, erased_at is not null, "
                + "external_id is not null, job_title is not null from person where id = ?1", UUID.fromString(cadre)));
        assertContactErased(cadre);
        assertEquals(1, Sql.count("select count(*) from integrity_file where person_id = ?1", cadre));
        assertTrue(first.purged("PEOPLE_WHO_LEFT_NAMED_IN_INTEGRITY_FILES") >= 1);

        // who left just within three years, and who is still here, are untouched; so is every integrity record
        assertEquals(untouched, people(stays, member));
        assertEquals(integrity, integrityCounts());

        // the run is logged per class
        assertEquals(purge.dataClasses().size(), Sql.count("select count(*) from retention_purge where run_id = ?1",
                first.id()));
        assertEquals(first.purged("PEOPLE_WHO_LEFT"), Sql.count("select purged from retention_purge where run_id = ?1 "
                + "and data_class = 'PEOPLE_WHO_LEFT' and complete", first.id()));

        // a second run finds nothing left to do
        String afterFirst = people(gone, cadre) + evidence(flaggedOld) + evidence(rejectedOld);
        RetentionPurge.Run second = purge.purge(now);
        for (String dataClass : purge.dataClasses()) {
            assertEquals(0, second.purged(dataClass), dataClass);
        }
        assertEquals(afterFirst, people(gone, cadre) + evidence(flaggedOld) + evidence(rejectedOld));
        assertEquals(history, history(gone));
        assertEquals(integrity, integrityCounts());
    }

    @Test
    void moreRowsThanOneBatchAreAllPurged() {
        Instant now = TestTime.calendar().now();
        String branch = OrgFixtures.unit("BRANCH", null);
        String material = StudyFixtures.material(branch);
        String reader = RetentionFixtures.person(branch);
        int rows = 2 * 1000 + 500;
        Sql.execute("insert into material_opening (person_id, material_id, business_date, opened_at) "
                + "select ?1, ?2, date '2000-01-01' + i, cast(?3 as timestamptz) - make_interval(secs => i) from generate_series(1, ?4) i",
                UUID.fromString(reader), UUID.fromString(material), now.minus(YEAR).minus(SECOND), rows);
        opening(reader, material, LocalDate.of(2030, 1, 1), now.minus(YEAR).plus(SECOND));

        RetentionPurge.Run run = purge.purge(now);

        assertEquals(1, Sql.count("select count(*) from material_opening where person_id = ?1", reader));
        assertTrue(run.purged("MATERIAL_OPENINGS") >= rows);
        RetentionPurge.Outcome openings = run.outcomes().stream()
                .filter(o -> o.dataClass().equals("MATERIAL_OPENINGS")).findFirst().orElseThrow();
        assertTrue(openings.batches() >= 3, "batches " + openings.batches());
        assertTrue(openings.complete());
    }

    private static void assertContactErased(String person) {
        assertEquals(List.of(true, true, true, true, false), row("select wechat_openid is null, wechat_unionid is null, "
                + "username is null, password_hash is null, active from account where person_id = ?1",
                UUID.fromString(person)));
        assertEquals(0, Sql.count("select count(*) from refresh_family f join account a on a.id = f.account_id "
                + "where a.person_id = ?1 and f.revoked_at is null", person));
        assertEquals(0, Sql.count("select count(*) from calendar_feed where person_id = ?1 and revoked_at is null",
                person));
    }

    /** A published week of the branch that shows the person by name. */
    private static void publishedSnapshot(String person, String branch) {
        UUID week = UUID.randomUUID();
        Sql.execute("insert into published_week (id, unit_id, iso_week, published_at, published_by, participants, "
                + "metric, minimum_size) values (?1, ?2, '2023-W01', now(), 'test', 1, 'TOTAL', 1)", week,
                UUID.fromString(branch));
        Sql.execute("insert into published_person (published_week_id, position, rank, person_id, name, points) "
                + "select ?1, 1, 1, id, name, 3 from person where id = ?2", week, UUID.fromString(person));
    }

    /** The person's points history: ledger entries, week scores and published rows, as text. */
    private static String history(String person) {
        UUID id = UUID.fromString(person);
        return text("select coalesce(string_agg(id || ':' || points || ':' || iso_week, ',' order by id), '') "
                + "from ledger_entry where person_id = ?1", id) + "|"
                + text("select coalesce(string_agg(iso_week || ':' || points || ':' || entries, ',' order by iso_week), "
                        + "'') from week_score where person_id = ?1", id) + "|"
                + text("select coalesce(string_agg(name || ':' || points, ','), '') from published_person "
                        + "where person_id = ?1", id);
    }

    /** Everything of these people and their accounts, as text. */
    private static String people(String... persons) {
        StringBuilder all = new StringBuilder();
        for (String person : persons) {
            all.append(text("select p::text from person p where id = ?1", UUID.fromString(person)))
                    .append(text("select coalesce(string_agg(a::text, ','), '') from account a where person_id = ?1",
                            UUID.fromString(person)))
                    .append(text("select coalesce(string_agg(c::text, ','), '') from calendar_feed c "
                            + "where person_id = ?1", UUID.fromString(person)));
        }
        return all.toString();
    }

    /** Note, claimed seconds, whether the opening time is kept, flag reason and status of a check-in. */
    private static List<String> evidence(String checkIn) {
        return row("select coalesce(note, 'null'), coalesce(cast(study_seconds as varchar), 'null'), "
                + "case when opened_at is null then 'null' else 'kept' end, coalesce(flag_reason, 'null'), status "
                + "from check_in where id = ?1", UUID.fromString(checkIn)).stream().map(String::valueOf).toList();
    }

    private static List<Long> integrityCounts() {
        return INTEGRITY_TABLES.stream().map(table -> Sql.count("select count(*) from " + table)).toList();
    }
}
