package cn.zhibu.identity.tokens;

import cn.zhibu.platform.time.BusinessCalendar;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.Key;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies bearer tokens against the keys in the database: RS256 only (so never {@code alg: none}
 * or a MAC made with a public key), a known and unexpired key id, our issuer and audience, and the
 * expiry on the service's clock. Anything else is a 401.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TokenVerifier extends JWTCallerPrincipalFactory {

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final BusinessCalendar calendar;

    TokenVerifier(SigningKeys keys, TokenSettings settings, BusinessCalendar calendar) {
        this.keys = keys;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setVerificationKeyResolver((jws, nesting) -> {
                    Key key = keys.verificationKey(jws.getKeyIdHeaderValue()).orElse(null);
                    if (key == null) {
                        throw new UnresolvableKeyException("Unknown or retired signing key");
                    }
                    return key;
                })
                .setExpectedIssuer(settings.issuer())
                .setExpectedAudience(AccessTokens.AUDIENCE)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setMaxFutureValidityInMinutes((int) settings.accessTtl().toMinutes() + 1)
                .setAllowedClockSkewInSeconds(30)
                .setEvaluationTime(NumericDate.fromMilliseconds(calendar.now().toEpochMilli()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (InvalidJwtException e) {
            throw new ParseException("The token is not valid", e);
        }
    }
}
