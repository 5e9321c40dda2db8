package cn.zhibu.identity.tokens;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generated signing keys are replaced on schedule; a replaced key verifies until its last token expires. */
@QuarkusTest
@TestProfile(KeyRotationTest.TenMinuteKeys.class)
class KeyRotationTest {

    public static class TenMinuteKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibu.jwt.key-rotation", "PT10M", "zhibu.jwt.access-ttl", "PT30M");
        }
    }

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOldKeyVerifiesItsTokensUntilTheyExpire() {
        UUID account = TestAccounts.account("rotation", null, Roles.ORG_ADMIN);
        // past every key made so far (they sign for at most 90 days)
        clock.advance(Duration.ofDays(91));
        String first = TestAccounts.token(account);
        String firstKid = kid(first);
        clock.advance(Duration.ofMinutes(11));
        String second = TestAccounts.token(account);
        String secondKid = kid(second);
        assertNotEquals(firstKid, secondKid, "a new key signs after ten minutes");
        Api.bearer(first).get("/v1/me").then().statusCode(200);
        Api.bearer(second).get("/v1/me").then().statusCode(200);
        List<String> published = Api.anonymous().get("/v1/jwks").then().statusCode(200).extract().path("keys.kid");
        assertTrue(published.containsAll(List.of(firstKid, secondKid)), published.toString());
        // 35 minutes after it stopped signing, the first key is withdrawn; its tokens have expired by then
        clock.advance(Duration.ofMinutes(36));
        problem(Api.bearer(first).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        String third = TestAccounts.token(account);
        Api.bearer(third).get("/v1/me").then().statusCode(200);
        published = Api.anonymous().get("/v1/jwks").then().statusCode(200).extract().path("keys.kid");
        assertFalse(published.contains(firstKid), published.toString());
        assertTrue(published.containsAll(List.of(secondKid, kid(third))), published.toString());
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
