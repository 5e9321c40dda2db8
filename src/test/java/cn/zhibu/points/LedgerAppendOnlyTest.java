package cn.zhibu.points;

import cn.zhibu.testing.Sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database keeps the points ledger as written, whoever connects (here the owner of the schema): no entry is updated, deleted or truncated, and a
 * reversal must negate one entry of the same person and activity that is not itself a reversal.
 */
@QuarkusTest
class LedgerAppendOnlyTest {

    /** A person of a new branch whose manual awards count (a scoring rule from today). */
    private static UUID person(String name, String branch) {
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", branch, "activityType", "MANUAL_AWARD",
                "effectiveFrom", Arc.container().instance(cn.zhibu.platform.time.BusinessCalendar.class).get().today().toString(), "points", 1, "dailyCap", 100))
                .post("/v1/scoring-rules").then().statusCode(201);
        return UUID.fromString(OrgFixtures.person(name, branch));
    }

    private static String award(String person, int points) {
        return Api.as("append-only-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", person, "points", points, "reason", "追加")).post("/v1/points/awards").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void entriesCannotBeChangedDeletedOrTruncated() {
        String person = person("账本", OrgFixtures.unit("BRANCH", null)).toString();
        UUID entry = UUID.fromString(award(person, 5));
        assertRefused("append-only", () -> asOwner("update ledger_entry set points = 500 where id = ?1", entry));
        assertRefused("append-only", () -> asOwner("delete from ledger_entry where id = ?1", entry));
        assertRefused("append-only", () -> asOwner("truncate ledger_entry cascade"));
        assertEquals(5, Sql.count("select sum(points) from ledger_entry where person_id = ?1",
                UUID.fromString(person)));
    }

    @Test
    void aReversalMustNegateOneOriginalEntry() {
        String branch = OrgFixtures.unit("BRANCH", null);
        UUID person = person("冲正", branch);
        UUID other = UUID.fromString(OrgFixtures.person("他人", branch));
        UUID entry = UUID.fromString(award(person.toString(), 5));
        assertRefused("not a reversal", () -> reversal(person, -4, entry)); // not the negated points
        assertRefused("not a reversal", () -> reversal(other, -5, entry)); // another person
        assertRefused("not a reversal", () -> reversal(person, -5, UUID.randomUUID())); // nothing to reverse
        UUID reversal = UUID.fromString(Api.as("append-only-admin", Roles.ORG_ADMIN)
                .body(Map.of("reason", "记错了")).post("/v1/points/entries/" + entry + "/reverse").then()
                .statusCode(201).extract().path("id"));
        assertRefused("not a reversal", () -> reversal(person, 5, reversal)); // a reversal of a reversal
        assertRefused("ledger_reversal_once", () -> reversal(person, -5, entry)); // a second reversal
        assertEquals(0, Sql.count("select sum(points) from ledger_entry where person_id = ?1", person));
    }

    @Test
    void publishedWeeksAreOnlyEverSuperseded() {
        UUID unit = UUID.fromString(OrgFixtures.unit("BRANCH", null));
        UUID week = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            em.createNativeQuery("insert into published_week (id, unit_id, iso_week, published_at, published_by, "
                    + "participants, metric, minimum_size) values (?1, ?2, '2020-W10', now(), 'test', 0, 'POINTS', 3)")
                    .setParameter(1, week).setParameter(2, unit).executeUpdate();
            em.createNativeQuery("insert into published_person (published_week_id, position, rank, person_id, name, "
                    + "points) values (?1, 1, 1, null, '匿名', 7)").setParameter(1, week).executeUpdate();
            em.createNativeQuery("insert into published_standing (published_week_id, person_id, points, entries) "
                    + "values (?1, gen_random_uuid(), 7, 1)").setParameter(1, week).executeUpdate();
            // the publishing transaction writes its counts
            em.createNativeQuery("update published_week set participants = 1 where id = ?1").setParameter(1, week)
                    .executeUpdate();
        });
        assertRefused("append-only", () -> asOwner("update published_person set points = 70 where published_week_id = ?1",
                week));
        assertRefused("append-only", () -> asOwner("delete from published_person where published_week_id = ?1", week));
        assertRefused("append-only", () -> asOwner("update published_standing set points = 70 where published_week_id = ?1",
                week));
        assertRefused("append-only", () -> asOwner("delete from published_standing where published_week_id = ?1", week));
        assertRefused("append-only", () -> asOwner("update published_week set participants = 9 where id = ?1", week));
        assertRefused("append-only", () -> asOwner("update published_week set iso_week = '2020-W11' where id = ?1", week));
        assertRefused("append-only", () -> asOwner("delete from published_week where id = ?1", week));
        assertEquals(1, asOwner("update published_week set superseded_at = now() where id = ?1", week));
        assertRefused("append-only", () -> asOwner("update published_week set superseded_at = null where id = ?1", week));
        assertEquals(1, Sql.count("select count(*) from published_week where id = ?1 and participants = 1 "
                + "and superseded_at is not null", week));
    }

    private static int reversal(UUID person, int points, UUID reverses) {
        return Sql.execute("""
                insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, business_date,
                    iso_week, reverses, reason, created_by, created_at)
                select ?1, ?2, activity_type, ?3, source_type, source_id, business_date, iso_week, ?4, 'x', 'sql', now()
                from ledger_entry where person_id = (select person_id from ledger_entry where id = ?4 union all
                    select ?2 limit 1) limit 1""", UUID.randomUUID(), person, points, reverses);
    }

    private static void assertRefused(String why, Runnable change) {
        RuntimeException refused = assertThrows(RuntimeException.class, change::run);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(why), messages::toString);
    }

    /** As the owner of the schema, whom no grant stops (the service's role may not even try: ServiceRoleTest). */
    private static int asOwner(String statement, Object... parameters) {
        return cn.zhibu.testing.EmbeddedPostgresResource.asOwner(statement, parameters);
    }
}
