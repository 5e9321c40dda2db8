package cn.zhibu.integrity.crypto;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.integrity.entry.EntryPayload;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Content sealed under an old key re-sealed under the current one, with the same plaintext and chain. */
@QuarkusTest
class KeyRotationApiTest {

    private static final String READ = "/v1/integrity-files/";

    @Inject
    Sealer sealer;

    private static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    @Test
    void aRotationReSealsOldValuesUnderTheCurrentKeyAndTheChainStillHolds() {
        String branch = IntegrityFixtures.branch();
        String cadre = IntegrityFixtures.cadre(branch);
        String file = IntegrityFixtures.file(branch, cadre);
        String profile = IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("李建国"));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(null));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        assertEquals(3, Sql.count("select count(*) from integrity_entry_payload p join integrity_entry e on "
                + "e.id = p.entry_id where e.file_id = ?1 and p.key_id = 'test-2'", file));
        String before = IntegrityFixtures.officer(branch).queryParam("purpose", "PERIODIC_REVIEW")
                .queryParam("purposeDetail", "年度检查").get(READ + file).then().statusCode(200).extract().asString();

        // one entry's content as an older installation sealed it, under test-1
        Sealer old = new Sealer(new IntegrityKeys(Map.of("test-1", key("test-1")), "test-1"));
        UUID entry = UUID.fromString(profile);
        Object[] stored = row("select key_id, sealed from integrity_entry_payload where entry_id = ?1", entry);
        byte[] plain = sealer.open((String) stored[0], (byte[]) stored[1], EntryPayload.context(entry));
        Sealer.Sealed resealed = old.seal(plain, EntryPayload.context(entry));
        Sql.execute("update integrity_entry_payload set key_id = ?1, sealed = ?2 where entry_id = ?3", resealed.keyId(),
                resealed.bytes(), entry);
        // and a declaration sealed under test-1, and one under a key no longer configured
        UUID declaration = declaration(file, cadre, old, "test-1");
        UUID lost = declaration(file, cadre, old, "retired-1");

        long underOld = Sql.count("select count(*) from integrity_entry_payload where key_id = 'test-1'");
        assertTrue(underOld >= 1);
        admin().get("/v1/integrity-keys").then().statusCode(200).header("Cache-Control", "no-store")
                .body("currentKeyId", equalTo("test-2"))
                .body("sealed.find { it.keyId == 'test-1' }.entries", equalTo((int) underOld))
                .body("sealed.find { it.keyId == 'test-1' }.configured", equalTo(true))
                .body("sealed.find { it.keyId == 'retired-1' }.configured", equalTo(false))
                .body("sealed.find { it.keyId == 'retired-1' }.declarations", equalTo((int) Sql.count(
                        "select count(*) from integrity_declaration where key_id = 'retired-1'")));
        // the officer still reads it, under either key
        IntegrityFixtures.officer(branch).queryParam("purpose", "PERIODIC_REVIEW").queryParam("purposeDetail", "年度检查")
                .get(READ + file).then().statusCode(200);

        admin().post("/v1/integrity-keys/rotation").then().statusCode(200).header("Cache-Control", "no-store")
                .body("keyId", equalTo("test-2"))
                .body("resealedEntries", equalTo((int) underOld))
                .body("resealedDeclarations", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("remaining", equalTo((int) (Sql.count("select count(*) from integrity_entry_payload "
                        + "where key_id <> 'test-2'") + Sql.count("select count(*) from "
                        + "integrity_declaration where key_id <> 'test-2'"))));

        assertEquals(0, Sql.count("select count(*) from integrity_entry_payload where key_id = 'test-1'"));
        assertEquals(0, Sql.count("select count(*) from integrity_declaration where key_id = 'test-1'"));
        admin().get("/v1/integrity-keys").then().statusCode(200)
                .body("sealed.find { it.keyId == 'test-1' }", org.hamcrest.Matchers.nullValue());
        Object[] declared = row("select key_id, sealed, version from integrity_declaration where id = ?1", declaration);
        assertEquals("test-2", declared[0]);
        assertEquals(1L, ((Number) declared[2]).longValue());
        assertArrayEquals(("申报" + declaration).getBytes(StandardCharsets.UTF_8),
                sealer.open("test-2", (byte[]) declared[1], "integrity-declaration|" + declaration));
        assertEquals("retired-1", row("select key_id, version from integrity_declaration where id = ?1", lost)[0]);

        IntegrityFixtures.officer(branch).get(READ + file + "/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(3));
        String after = IntegrityFixtures.officer(branch).queryParam("purpose", "PERIODIC_REVIEW")
                .queryParam("purposeDetail", "年度检查").get(READ + file).then().statusCode(200).extract().asString();
        assertEquals(before.replaceAll("\"version\":\\d+", ""), after.replaceAll("\"version\":\\d+", ""));

        // both were audited, with what the rotation did
        assertTrue(Sql.count("select count(*) from integrity_audit where action = 'ROTATE_KEYS' and outcome "
                + "= 'ALLOWED' and purpose_detail like 're-sealed under key test-2: % entries, % declarations; % "
                + "remaining'") >= 1);
        // a second rotation finds nothing more to do
        admin().post("/v1/integrity-keys/rotation").then().statusCode(200).body("resealedEntries", equalTo(0))
                .body("resealedDeclarations", equalTo(0));
    }

    @Test
    void onlyThoseWhoMayRotateKeysEverywhereSeeOrRotateThem() {
        String branch = IntegrityFixtures.branch();
        long refused = Sql.count("select count(*) from integrity_audit where action in ('KEY_STATUS', "
                + "'ROTATE_KEYS') and outcome = 'REFUSED'");
        RequestSpecification branchAdmin = Api.as("key-admin-" + branch, Roles.ORG_ADMIN, UUID.fromString(branch));
        branchAdmin.get("/v1/integrity-keys").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as("key-admin-" + branch, Roles.ORG_ADMIN, UUID.fromString(branch)).post("/v1/integrity-keys/rotation")
                .then().statusCode(403);
        IntegrityFixtures.officer(branch).get("/v1/integrity-keys").then().statusCode(403);
        IntegrityFixtures.officer(branch).post("/v1/integrity-keys/rotation").then().statusCode(403);
        Api.anonymous().post("/v1/integrity-keys/rotation").then().statusCode(401);
        assertEquals(refused + 5, Sql.count("select count(*) from integrity_audit where action in "
                + "('KEY_STATUS', 'ROTATE_KEYS') and outcome = 'REFUSED'"));
    }

    /** A returned declaration of the file, its content sealed by {@code sealer} and stored under {@code keyId}. */
    private static UUID declaration(String file, String cadre, Sealer sealer, String keyId) {
        UUID id = UUID.randomUUID();
        Sealer.Sealed sealed = sealer.seal(("申报" + id).getBytes(StandardCharsets.UTF_8),
                "integrity-declaration|" + id);
        Sql.execute("insert into integrity_declaration (id, file_id, person_id, type, report_year, state, submitted_at, "
                + "submitted_by, key_id, sealed, version) values (?1, ?2, ?3, 'PERSONAL_MATTERS', 2025, 'RETURNED', "
                + "now(), ?4, ?5, ?6, 0)", id, UUID.fromString(file), UUID.fromString(cadre), UUID.randomUUID(), keyId,
                sealed.bytes());
        return id;
    }

    private static byte[] key(String id) {
        String listed = ConfigProvider.getConfig().getValue("zhibu.integrity.keys", String.class);
        for (String item : listed.split(",")) {
            if (item.startsWith(id + ":")) {
                return Base64.getDecoder().decode(item.substring(id.length() + 1));
            }
        }
        throw new IllegalStateException("no key " + id + " in the test configuration");
    }

    private static Object[] row(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            return rows.get(0);
        });
    }
}
