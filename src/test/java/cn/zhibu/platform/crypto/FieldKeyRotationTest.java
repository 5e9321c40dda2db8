package cn.zhibu.platform.crypto;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rotating the field key: with a new key made current, every phone number and token signing key is re-encrypted
 * under it, and the same values read back; then rotated back under the suite's own key, so the rest of the suite
 * reads them as before.
 */
@QuarkusTest
class FieldKeyRotationTest {

    @Inject
    EntityManager em;
    @Inject
    Instance<EncryptedColumns> holders;
    @Inject
    FieldCipher running;

    /** The suite's key (application.properties, %test) beside a new one, the new one current or not. */
    private static FieldCipher rotating(boolean toTheNewKey) {
        return FieldKeysTest.keyring(toTheNewKey ? "k2" : FieldCipher.SINGLE,
                FieldCipher.SINGLE + ":" + FieldKeysTest.OLD, "k2:" + FieldKeysTest.NEW);
    }

    private FieldKeyRotation rotation(FieldCipher cipher) {
        return new FieldKeyRotation(em, cipher, holders);
    }

    @Test
    void everyEncryptedFieldMovesToTheNewKeyAndBackReadingTheSame() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Map<String, Object> body = OrgFixtures.personBody("轮换", branch);
        body.put("phone", "13700001111");
        String person = Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/people").then().statusCode(201).extract().path("id");
        assertEquals(FieldCipher.SINGLE, FieldCipher.keyId(phone(person)));
        long version = Sql.count("select version from person where id = ?1", UUID.fromString(person));

        FieldKeyRotation.Outcome forward = rotation(rotating(true)).rotate();
        assertTrue(forward.reencrypted().get("person.phone_cipher") >= 1, forward::toString);
        assertTrue(forward.reencrypted().get("signing_key.private_key_cipher") >= 1, forward::toString);
        assertEquals(0L, forward.left().values().stream().mapToLong(Long::longValue).sum(), forward::toString);
        assertEquals("k2", FieldCipher.keyId(phone(person)));
        assertEquals("13700001111", rotating(true).decrypt(phone(person), "person.phone:" + person));
        assertEquals(version + 1, Sql.count("select version from person where id = ?1",
                UUID.fromString(person)));
        assertEquals(0, Sql.count("select count(*) from signing_key where private_key_cipher is not null "
                + "and get_byte(private_key_cipher, 0) <> 2"));
        // a second run finds nothing left to do
        FieldKeyRotation.Outcome again = rotation(rotating(true)).rotate();
        assertEquals(0L, again.reencrypted().values().stream().mapToLong(Long::longValue).sum(), again::toString);

        FieldKeyRotation.Outcome back = rotation(rotating(false)).rotate();
        assertEquals(forward.reencrypted(), back.reencrypted());
        assertEquals(FieldCipher.SINGLE, FieldCipher.keyId(phone(person)));
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/people/" + person).then().statusCode(200)
                .body("phone", equalTo("13700001111"));
    }

    @Test
    void aValueThatDoesNotDecryptIsLeftAndCounted() {
        String person = OrgFixtures.person("坏值", OrgFixtures.unit("BRANCH", null));
        byte[] foreign = FieldKeysTest.keyring("zz", "zz:" + FieldKeysTest.NEW).encrypt("1", "person.phone:" + person);
        Sql.execute("update person set phone_cipher = ?1 where id = ?2", foreign, UUID.fromString(person));
        try {
            FieldKeyRotation.Outcome outcome = rotation(running).rotate();
            assertEquals(1L, outcome.left().get("person.phone_cipher"), outcome::toString);
            assertEquals("zz", FieldCipher.keyId(phone(person)));
        } finally {
            Sql.execute("update person set phone_cipher = null where id = ?1", UUID.fromString(person));
        }
        assertEquals(Optional.empty(), Optional.ofNullable(phone(person)));
    }

    private byte[] phone(String person) {
        return QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select phone_cipher from person where id = ?1").setParameter(1, UUID.fromString(person))
                .getSingleResult());
    }

}
