package cn.zhibu.integrity;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the database holds: no plaintext of sealed content, entries and audit rows that cannot be
 * changed, and a chain that shows where someone with the power to bypass that changed an entry anyway.
 */
@QuarkusTest
class IntegrityStorageTest {

    /** Runs a statement with the append-only triggers off, as a superuser can (session_replication_role). */
    /** The owner (not the service's role, which may not) changes rows with every trigger off. */
    private static int bypassingTriggers(String statement, Object... parameters) {
        return cn.zhibu.testing.EmbeddedPostgresResource.asOwnerWithoutTriggers(statement, parameters);
    }

    private static String verify(String branch, String file) {
        return IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .statusCode(200).extract().asString();
    }

    @Test
    void theRawTablesHoldNoPlaintextOfSealedContent() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("李建国"));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(null));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(EntityManager.class)
                .get().createNativeQuery("select e::text, p.sealed from integrity_entry e join integrity_entry_payload p "
                        + "on p.entry_id = e.id where e.file_id = ?1").setParameter(1, UUID.fromString(file))
                .getResultList());
        assertEquals(3, rows.size());
        List<String> secrets = List.of("11010519800504123X", "110105198206061234", "王秀英", "区第一中学",
                "明远咨询有限公司", "违规接受管理服务对象宴请", "区纪发〔2026〕12号", "李建国");
        for (Object[] row : rows) {
            String header = (String) row[0];
            String sealed = new String((byte[]) row[1], StandardCharsets.UTF_8);
            String sealedLatin = new String((byte[]) row[1], StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(header.contains(secret), "entry row holds " + secret);
                assertFalse(sealed.contains(secret) || sealedLatin.contains(secret), "payload holds " + secret);
            }
        }
        // the audit names entries, never their content
        assertEquals(0, Sql.count("select count(*) from integrity_audit a where a.file_id = ?1 and "
                + "(a::text like '%11010519800504123X%' or a::text like '%王秀英%')", file));
    }

    @Test
    void entriesAndAuditRowsCannotBeChangedOrDeletedByTheServicesUser() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String entry = IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("张伟"));
        UUID id = UUID.fromString(entry);
        assertThrows(RuntimeException.class, () -> Sql.execute("update integrity_entry set type = 'GIFT' where id = ?1", id));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from integrity_entry where id = ?1", id));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from integrity_entry_payload where entry_id = ?1", id));
        assertThrows(RuntimeException.class, () -> Sql.execute("truncate integrity_entry cascade"));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(IntegrityFixtures.cadre(branch)));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from integrity_relation where cadre_person_id = "
                + "(select person_id from integrity_file where id = ?1)", UUID.fromString(file)));
        assertThrows(RuntimeException.class, () -> Sql.execute("update integrity_audit set outcome = 'ALLOWED' "
                + "where file_id = ?1", UUID.fromString(file)));
        assertThrows(RuntimeException.class, () -> Sql.execute("delete from integrity_audit where file_id = ?1",
                UUID.fromString(file)));
        assertEquals(1, Sql.count("select count(*) from integrity_entry where id = ?1 and type = 'PROFILE'",
                entry));
        assertTrue(Sql.count("select count(*) from integrity_audit where file_id = ?1", file) >= 2);
    }

    @Test
    void anEntryChangedInSqlBreaksTheChainAtThatEntry() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("赵强"));
        String second = IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        String third = IntegrityFixtures.append(branch, file, IntegrityFixtures.family(null));
        String head = IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .body("intact", equalTo(true)).body("entries", equalTo(3)).extract().path("headHash");
        // the head an auditor can pin: the stored hash of the last entry
        assertEquals(head, java.util.HexFormat.of().formatHex((byte[]) io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().call(() -> io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class)
                        .get().createNativeQuery("select head_hash from integrity_file where id = ?1")
                        .setParameter(1, UUID.fromString(file)).getSingleResult())));

        // a superuser changes the second entry's header: its recomputed hash no longer matches
        bypassingTriggers("update integrity_entry set recorded_at = recorded_at - interval '1 day' where id = ?1",
                UUID.fromString(second));
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .body("intact", equalTo(false)).body("firstBroken.seq", equalTo(2))
                .body("firstBroken.entryId", equalTo(second)).body("firstBroken.problem", equalTo("HASH_MISMATCH"));
        bypassingTriggers("update integrity_entry set recorded_at = recorded_at + interval '1 day' where id = ?1",
                UUID.fromString(second));
        assertTrue(verify(branch, file).contains("\"intact\":true"));

        // the third entry's sealed content swapped for the second's: it no longer opens as the third's
        bypassingTriggers("update integrity_entry_payload set sealed = (select sealed from integrity_entry_payload "
                + "where entry_id = ?1) where entry_id = ?2", UUID.fromString(second), UUID.fromString(third));
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .body("intact", equalTo(false)).body("firstBroken.seq", equalTo(3))
                .body("firstBroken.problem", equalTo("CONTENT_UNREADABLE"));
    }

    @Test
    void aDeletedLastEntryShowsAsMissing() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("钱程"));
        String last = IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        bypassingTriggers("delete from integrity_entry_payload where entry_id = ?1", UUID.fromString(last));
        bypassingTriggers("delete from integrity_entry where id = ?1", UUID.fromString(last));
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .body("intact", equalTo(false)).body("firstBroken.seq", equalTo(2))
                .body("firstBroken.problem", equalTo("ENTRIES_MISSING"));
    }
}
