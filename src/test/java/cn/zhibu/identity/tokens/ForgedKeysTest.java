package cn.zhibu.identity.tokens;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A row written into {@code signing_key} by anyone but the service (SQL access, a restored backup) verifies no token:
 * an org admin's token signed with a key inserted directly, or with a key swapped into the row of the key that signs
 * now, is refused, while the service's own tokens keep working.
 */
@QuarkusTest
class ForgedKeysTest {

    @Test
    void aKeyInsertedIntoTheTableVerifiesNothing() throws Exception {
        String genuine = Api.token("forged-keys-admin", Roles.ORG_ADMIN);
        Api.bearer(genuine).get("/v1/me").then().statusCode(200);
        KeyPair attacker = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        // a new row, as a configured key's would look (no private half), and one with a made-up seal
        Sql.execute("insert into signing_key (kid, public_key, created_at, signs_until, verifies_until) values "
                + "('forged-1', ?1, now(), now() + interval '1 day', now() + interval '1 day')",
                attacker.getPublic().getEncoded());
        Sql.execute("insert into signing_key (kid, public_key, public_key_seal, created_at, signs_until, verifies_until) values "
                + "('forged-2', ?1, ?2, now(), now() + interval '1 day', now() + interval '1 day')",
                attacker.getPublic().getEncoded(), new byte[64]);
        // (an unknown key id is looked up at once in tests: zhibu.jwt.unknown-key-reload)
        for (String kid : new String[] {"forged-1", "forged-2"}) {
            problem(Api.bearer(forge(genuine, kid, attacker)).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        }

        // the row of the key that signs now, its public half swapped for the attacker's
        String kid = header(genuine).get("kid").toString();
        byte[] own = (byte[]) QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(EntityManager.class)
                .get().createNativeQuery("select public_key from signing_key where kid = ?1").setParameter(1, kid)
                .getSingleResult());
        Sql.execute("update signing_key set public_key = ?1 where kid = ?2", attacker.getPublic().getEncoded(), kid);
        try {
            // an unknown key id makes the service read the table again, swapped row included
            problem(Api.bearer(forge(genuine, "nobody", attacker)).get("/v1/me").then(), 401, "UNAUTHENTICATED");
            problem(Api.bearer(forge(genuine, kid, attacker)).get("/v1/me").then(), 401, "UNAUTHENTICATED");
            Api.bearer(genuine).get("/v1/me").then().statusCode(200);
        } finally {
            Sql.execute("update signing_key set public_key = ?1 where kid = ?2", own, kid);
            Sql.execute("delete from signing_key where kid like 'forged-%'");
        }
    }

    /**
     * A newer signing key row that does not decrypt under the field key (another key's, or written by hand) is
     * passed over: the service signs with a key it can open, or makes one, instead of failing every sign-in.
     */
    @Test
    void aSigningKeyRowThatDoesNotDecryptIsPassedOver() throws Exception {
        String genuine = Api.token("undecryptable-admin", Roles.ORG_ADMIN);
        String kid = header(genuine).get("kid").toString();
        // the stored form of a value under a field key "other", which this service does not have
        byte[] foreign = java.nio.ByteBuffer.allocate(2 + 5 + 12 + 48).put((byte) 2).put((byte) 5)
                .put("other".getBytes(StandardCharsets.US_ASCII)).array();
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Sql.execute("insert into signing_key (kid, public_key, private_key_cipher, created_at, signs_until, verifies_until) "
                + "values ('undecryptable-1', ?1, ?2, now(), now() + interval '3650 days', now() + interval '3651 days')",
                pair.getPublic().getEncoded(), foreign);
        // the key that signs now is withdrawn (its row set aside), so the next token needs a key from the table
        Object[] own = (Object[]) QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(EntityManager.class).get().createNativeQuery("select public_key, private_key_cipher, "
                        + "created_at, signs_until, verifies_until from signing_key where kid = ?1")
                .setParameter(1, kid).getSingleResult());
        Sql.execute("delete from signing_key where kid = ?1", kid);
        try {
            // an unknown key id makes the service read the table again: the withdrawn key stops signing
            problem(Api.bearer(forge(genuine, "nobody-2", pair)).get("/v1/me").then(), 401, "UNAUTHENTICATED");
            String fresh = Api.token("undecryptable-member", Roles.ORG_ADMIN);
            Object signedWith = header(fresh).get("kid");
            org.junit.jupiter.api.Assertions.assertNotEquals("undecryptable-1", signedWith);
            org.junit.jupiter.api.Assertions.assertNotEquals(kid, signedWith);
            Api.bearer(fresh).get("/v1/me").then().statusCode(200);
        } finally {
            Sql.execute("delete from signing_key where kid = 'undecryptable-1'");
            Sql.execute("insert into signing_key (kid, public_key, private_key_cipher, created_at, signs_until, verifies_until) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)", kid, own[0], own[1], own[2], own[3], own[4]);
        }
    }

    /** The genuine token's claims (an org admin's), signed with the attacker's key under this key id. */
    private static String forge(String genuine, String kid, KeyPair attacker) throws Exception {
        Map<String, Object> claims = part(genuine, 1); // its expiry too: the genuine token was just issued
        return Jwt.claims(claims).jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(attacker.getPrivate());
    }

    private static Map<String, Object> header(String token) throws Exception {
        return part(token, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(String token, int index) throws Exception {
        return new ObjectMapper().readValue(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]),
                StandardCharsets.UTF_8), Map.class);
    }
}
