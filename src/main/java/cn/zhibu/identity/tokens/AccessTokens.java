package cn.zhibu.identity.tokens;

import cn.zhibu.platform.time.BusinessCalendar;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Issues signed access tokens (RS256, with the signing key's id in the header). */
@ApplicationScoped
public class AccessTokens {

    public static final String AUDIENCE = "zhibu";
    public static final String SESSION = "sid";
    public static final String CLIENT_ID = "client_id";
    public static final String SCOPE = "scope";
    /** When the client's secret that got the token was set (epoch milliseconds): a rotation refuses older tokens. */
    public static final String CLIENT_SECRET_SET = "zhibu_secret_set";

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final BusinessCalendar calendar;

    AccessTokens(SigningKeys keys, TokenSettings settings, BusinessCalendar calendar) {
        this.keys = keys;
        this.settings = settings;
        this.calendar = calendar;
    }

    public Duration ttl() {
        return settings.accessTtl();
    }

    /** A token for a person's or staff account, tied to its sign-in (refresh token family). */
    public String forAccount(UUID accountId, UUID sessionId) {
        return sign(claims(accountId).claim(SESSION, sessionId.toString()));
    }

    /** A token for an API client, with its scopes. */
    public String forClient(UUID clientRowId, String clientId, Collection<String> scopes, Instant secretSet) {
        return sign(claims(clientRowId).claim(CLIENT_ID, clientId).claim(SCOPE, String.join(" ", scopes))
                .claim(CLIENT_SECRET_SET, secretSet.toEpochMilli()));
    }

    private JwtClaimsBuilder claims(UUID subject) {
        Instant now = calendar.now();
        return Jwt.issuer(settings.issuer()).audience(AUDIENCE).subject(subject.toString())
                .issuedAt(now).expiresAt(now.plus(settings.accessTtl())).claim("jti", UUID.randomUUID().toString());
    }

    private String sign(JwtClaimsBuilder claims) {
        SigningKeys.Signing key = keys.current();
        return claims.jws().keyId(key.kid()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key.key());
    }
}
