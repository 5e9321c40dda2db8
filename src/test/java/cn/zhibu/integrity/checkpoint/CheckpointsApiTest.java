package cn.zhibu.integrity.checkpoint;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.integrity.crypto.Sealer;
import cn.zhibu.integrity.entry.Chain;
import cn.zhibu.integrity.entry.Entry;
import cn.zhibu.integrity.entry.EntryPayload;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.EmbeddedPostgresResource;
import cn.zhibu.testing.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints anchor integrity files outside the database: each append signs the file's head into a row and into a
 * line of the replica's checkpoint file, and a verification finds what the database's owner did to a file's tail
 * or chain even when they reset its head and deleted the rows of the checkpoints that would tell.
 */
@QuarkusTest
class CheckpointsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonPath verify(String branch, String file) {
        return IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .statusCode(200).extract().jsonPath();
    }

    private static String publicKey() {
        return Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/integrity-checkpoints/keys").then().statusCode(200)
                .body("items[0].algorithm", equalTo("Ed25519")).body("items[0].keyId", equalTo("test-checkpoint-1"))
                .body("items[0].current", equalTo(true)).extract().path("items[0].publicKey");
    }

    /** The lines of this replica's checkpoint file for a file, in order. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(String file) throws Exception {
        Path path = Arc.container().instance(CheckpointLog.class).get().file();
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            Map<String, Object> read = JSON.readValue(line, Map.class);
            if (file.equals(read.get("fileId"))) {
                lines.add(read);
            }
        }
        return lines;
    }

    private static String discipline(String branch, String file) {
        return IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
    }

    @Test
    void anAppendWritesASignedCheckpointRowAndLineThatVerificationAnswersWith() throws Exception {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        discipline(branch, file);
        discipline(branch, file);
        JsonPath verified = verify(branch, file);
        assertEquals(true, verified.getBoolean("intact"));
        assertEquals(2, verified.getInt("checkpoint.entryCount"));
        assertEquals(verified.getString("headHash"), verified.getString("checkpoint.headHash"));
        assertEquals("test-checkpoint-1", verified.getString("checkpoint.keyId"));
        String key = publicKey();
        assertTrue(CheckpointFixtures.signed(verified.getMap("checkpoint"), key));

        List<Map<String, Object>> lines = lines(file);
        assertEquals(List.of(1, 2), lines.stream().map(l -> l.get("entryCount")).toList());
        for (Map<String, Object> line : lines) {
            assertTrue(CheckpointFixtures.signed(line, key), "signed: " + line);
        }
        assertEquals(verified.getMap("checkpoint"), lines.get(1));
        assertEquals(2, Sql.count("select count(*) from integrity_checkpoint where file_id = ?1", file));
        assertEquals(1, Sql.count("select count(*) from integrity_checkpoint c join integrity_file f "
                + "on f.id = c.file_id where f.id = ?1 and c.entry_count = f.entry_count and c.head_hash = f.head_hash",
                file));
        // the rows are kept as written, even by the owner of the table (the service's role may not even try)
        assertRefused(() -> EmbeddedPostgresResource.asOwner("update integrity_checkpoint set entry_count = 9 "
                + "where file_id = ?1", UUID.fromString(file)));
        assertRefused(() -> EmbeddedPostgresResource.asOwner("delete from integrity_checkpoint where file_id = ?1",
                UUID.fromString(file)));
        assertRefused(() -> EmbeddedPostgresResource.asOwner("truncate integrity_checkpoint"));
    }

    @Test
    void entriesDroppedFromTheTailWithTheHeadResetAndTheRowsDeletedAreFoundByTheDirectory() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        discipline(branch, file);
        discipline(branch, file);
        String last = discipline(branch, file);
        CheckpointFixtures.asOwner(
                "delete from integrity_entry_payload where entry_id = '" + last + "'",
                "delete from integrity_entry where id = '" + last + "'",
                "update integrity_file set entry_count = 2, head_hash = (select hash from integrity_entry where "
                        + "file_id = '" + file + "' and seq = 2) where id = '" + file + "'",
                "delete from integrity_checkpoint where file_id = '" + file + "' and entry_count = 3");
        assertEquals(2, Sql.count("select max(entry_count) from integrity_checkpoint where file_id = ?1",
                file), "the database alone agrees with itself");
        JsonPath verified = verify(branch, file);
        assertEquals(false, verified.getBoolean("intact"));
        assertEquals(2, verified.getInt("entries"));
        assertEquals("ENTRIES_MISSING", verified.getString("firstBroken.problem"));
        assertEquals(3, verified.getInt("firstBroken.seq"));
        assertEquals(3, verified.getInt("checkpoint.entryCount"));
    }

    @Test
    void aChainRewrittenConsistentlyDiffersFromItsSignedHead() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String first = discipline(branch, file);
        String second = discipline(branch, file);
        // the first entry said to be filed a day earlier, and every hash after it made to agree (by someone who
        // even holds the key that seals the content)
        Instant earlier = QuarkusTransaction.requiringNew().call(() -> Entry.<Entry>findById(UUID.fromString(first))
                .recordedAt.minusSeconds(86_400));
        byte[][] hashes = QuarkusTransaction.requiringNew().call(() -> {
            Entry one = Entry.findById(UUID.fromString(first));
            Entry two = Entry.findById(UUID.fromString(second));
            byte[] hashOne = Chain.hash(one.id, one.fileId, 1, one.type, null, null, earlier, one.recordedBy, null,
                    plain(one.id));
            byte[] hashTwo = Chain.hash(two.id, two.fileId, 2, two.type, null, null, two.recordedAt, two.recordedBy,
                    hashOne, plain(two.id));
            return new byte[][] {hashOne, hashTwo};
        });
        String one = HexFormat.of().formatHex(hashes[0]);
        String two = HexFormat.of().formatHex(hashes[1]);
        CheckpointFixtures.asOwner(
                "update integrity_entry set recorded_at = '" + earlier + "', hash = '\\x" + one + "' where id = '"
                        + first + "'",
                "update integrity_entry set prev_hash = '\\x" + one + "', hash = '\\x" + two + "' where id = '"
                        + second + "'",
                "update integrity_file set head_hash = '\\x" + two + "' where id = '" + file + "'");
        JsonPath verified = verify(branch, file);
        assertEquals(false, verified.getBoolean("intact"));
        assertEquals("CHECKPOINT_MISMATCH", verified.getString("firstBroken.problem"));
        assertEquals(2, verified.getInt("firstBroken.seq"));
        assertEquals(two, verified.getString("headHash"));
    }

    private static byte[] plain(UUID entryId) {
        EntryPayload payload = EntryPayload.findById(entryId);
        return Arc.container().instance(Sealer.class).get().open(payload.keyId, payload.sealed,
                EntryPayload.context(entryId));
    }

    @Test
    void aCheckpointRowWithAForgedSignatureIsABreak() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        discipline(branch, file);
        Sql.execute("insert into integrity_checkpoint (file_id, entry_count, head_hash, at, key_id, "
                + "signature) values (?1, 2, ?2, now(), 'test-checkpoint-1', ?3)", UUID.fromString(file),
                new byte[32], new byte[64]);
        JsonPath verified = verify(branch, file);
        assertEquals(false, verified.getBoolean("intact"));
        assertEquals("CHECKPOINT_SIGNATURE_INVALID", verified.getString("firstBroken.problem"));
        assertEquals(2, verified.getInt("checkpoint.entryCount"));
    }

    @Test
    void anAppendWhoseCheckpointCannotBeWrittenOutsideTheDatabaseIsRefusedAndNothingIsFiled() throws Exception {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        discipline(branch, file);
        Path own = Arc.container().instance(CheckpointLog.class).get().file();
        Path aside = own.resolveSibling(own.getFileName() + ".aside");
        Files.move(own, aside);
        Files.createDirectory(own); // where the file was, something that cannot be appended to
        try {
            IntegrityFixtures.officer(branch).body(Map.of("content", IntegrityFixtures.discipline()))
                    .post("/v1/integrity-files/" + file + "/entries").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5").body("code", equalTo("INTEGRITY_CHECKPOINT_UNAVAILABLE"));
        } finally {
            Files.delete(own);
            Files.move(aside, own);
        }
        assertEquals(1, Sql.count("select count(*) from integrity_entry where file_id = ?1", file));
        assertEquals(1, Sql.count("select count(*) from integrity_checkpoint where file_id = ?1", file));
        discipline(branch, file);
        assertEquals(true, verify(branch, file).getBoolean("intact"));
    }

    @Test
    void theExportPagesThroughEveryCheckpointForOrgAdminsOfEverywhereOnly() throws Exception {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        for (int i = 0; i < 3; i++) {
            discipline(branch, file);
        }
        String key = publicKey();
        List<Map<String, Object>> ours = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/integrity-checkpoints").then().statusCode(200)
                    .header("Cache-Control", "no-store").extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= 2);
            items.stream().filter(c -> file.equals(c.get("fileId"))).forEach(ours::add);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        assertTrue(pages >= 2, "paged");
        assertEquals(List.of(1, 2, 3), ours.stream().map(c -> c.get("entryCount")).toList());
        for (Map<String, Object> checkpoint : ours) {
            assertTrue(CheckpointFixtures.signed(checkpoint, key));
        }
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", 0).get("/v1/integrity-checkpoints").then()
                .statusCode(400);
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("cursor", "abc.def").get("/v1/integrity-checkpoints").then()
                .statusCode(400);
        Api.anonymous().get("/v1/integrity-checkpoints").then().statusCode(401);
        Api.as("checkpoint-branch-admin", Roles.ORG_ADMIN, UUID.fromString(branch)).get("/v1/integrity-checkpoints")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        IntegrityFixtures.officer(branch).get("/v1/integrity-checkpoints").then().statusCode(403);
        // the public keys: for those who check files or their audit
        Api.anonymous().get("/v1/integrity-checkpoints/keys").then().statusCode(401);
        Api.as("checkpoint-member", Roles.MEMBER, UUID.fromString(branch)).get("/v1/integrity-checkpoints/keys")
                .then().statusCode(403);
        assertNotNull(IntegrityFixtures.officer(branch).get("/v1/integrity-checkpoints/keys").then().statusCode(200)
                .extract().path("items[0].publicKey"));
    }

    private static void assertRefused(Runnable change) {
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                change::run);
        Throwable cause = refused;
        while (cause.getCause() != null && !String.valueOf(cause.getMessage()).contains("append-only")) {
            cause = cause.getCause();
        }
        assertTrue(String.valueOf(cause.getMessage()).contains("append-only"), String.valueOf(refused));
    }
}
