package cn.zhibu.identity.tokens;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In production the signing key comes from settings (a mounted secret), named by its key id. */
@QuarkusTest
@TestProfile(ConfiguredKeyTest.KeyFromSettings.class)
class ConfiguredKeyTest {

    /** A key made for this run and written as a PEM file, as a mounted secret would be. */
    public static class KeyFromSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
                Path file = Files.createTempFile("zhibu-signing-key", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, pem);
                return Map.of("zhibu.jwt.private-key.location", file.toString(), "zhibu.jwt.key-id", "prod-2026-11");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void tokensAreSignedWithTheConfiguredKeyAndPublished() {
        String token = Api.token("configured-key-user", Roles.ORG_ADMIN);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\":\"prod-2026-11\""), header);
        Api.bearer(token).get("/v1/me").then().statusCode(200);
        Api.anonymous().get("/v1/jwks").then().statusCode(200).body("keys.kid", hasItem("prod-2026-11"));
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(EntityManager.class)
                .get().createNativeQuery("select private_key_cipher from signing_key where kid = 'prod-2026-11'")
                .getResultList());
        assertTrue(stored.size() == 1);
        assertNull(stored.get(0), "only the public half of a configured key is kept");
    }
}
