package cn.zhibu.identity.signin;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.tokens.AccessTokens;
import cn.zhibu.identity.tokens.TokenSettings;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.zhibu.platform.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sign-in sessions: each sign-in starts a family of refresh tokens. A refresh token is used once:
 * refreshing rotates it. Presenting a rotated token again means it was copied, so the whole family
 * is revoked (the thief and the owner both sign in again). Tokens are random 256-bit values kept
 * only as SHA-256 hashes (they are not passwords: a fast hash of a random value is enough).
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);

    private final EntityManager em;
    private final AccessTokens tokens;
    private final TokenSettings settings;
    private final BusinessCalendar calendar;

    Sessions(EntityManager em, AccessTokens tokens, TokenSettings settings, BusinessCalendar calendar) {
        this.em = em;
        this.tokens = tokens;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Starts a session for the account, in the caller's transaction. */
    public SignInViews.TokenPair start(UUID accountId, boolean passwordChangeRequired) {
        UUID family = UUID.randomUUID();
        em.createNativeQuery("insert into refresh_family (id, account_id, created_at) values (:id, :account, :now)")
                .setParameter("id", family).setParameter("account", accountId).setParameter("now", calendar.now())
                .executeUpdate();
        return pair(accountId, family, passwordChangeRequired);
    }

    /** Rotates a refresh token; a reused one revokes its family (committed before the 401 is answered). */
    public SignInViews.TokenPair refresh(String refreshToken) {
        Refreshed result = QuarkusTransaction.requiringNew().call(() -> rotate(hash(refreshToken)));
        if (result.pair() == null) {
            throw new ProblemException(IdentityProblem.REFRESH_TOKEN_INVALID);
        }
        return result.pair();
    }

    /** Ends the session: every refresh token of its family, and its access tokens, stop working. */
    public void end(UUID sessionId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> revoke(sessionId, reason));
    }

    /** Ends the session a refresh token belongs to (sign-out with only the refresh token at hand). */
    public boolean endByRefreshToken(String refreshToken) {
        List<UUID> family = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select family_id from refresh_token where token_hash = :hash")
                .setParameter("hash", hash(refreshToken)).getResultList());
        family.forEach(id -> end(id, "SIGNED_OUT"));
        return !family.isEmpty();
    }

    /** Ends every session of an account but one, in the caller's transaction (after a password change). */
    public void endAllBut(UUID accountId, UUID keep, String reason) {
        em.createNativeQuery("update refresh_family set revoked_at = :now, revoke_reason = :reason "
                + "where account_id = :account and id <> :keep and revoked_at is null")
                .setParameter("now", calendar.now()).setParameter("reason", reason).setParameter("account", accountId)
                .setParameter("keep", keep).executeUpdate();
    }

    /** Ends every session of an account (when its WeChat is bound anew). */
    public void endAll(UUID accountId, String reason) {
        em.createNativeQuery("update refresh_family set revoked_at = :now, revoke_reason = :reason "
                + "where account_id = :account and revoked_at is null")
                .setParameter("now", calendar.now()).setParameter("reason", reason).setParameter("account", accountId)
                .executeUpdate();
    }

    private Refreshed rotate(byte[] hash) {
        List<Tuple> rows = em.createNativeQuery("""
                select t.family_id as family_id, t.expires_at as expires_at, t.rotated_at as rotated_at,
                       f.revoked_at as revoked_at, f.account_id as account_id,
                       a.active and coalesce(p.active, true) as active, a.password_one_time as password_one_time
                from refresh_token t join refresh_family f on f.id = t.family_id join account a on a.id = f.account_id
                left join person p on p.id = a.person_id
                where t.token_hash = :hash for update of t, f""", Tuple.class)
                .setParameter("hash", hash).getResultList();
        if (rows.isEmpty()) {
            return new Refreshed(null);
        }
        Tuple row = rows.get(0);
        UUID family = Rows.uuid(row, "family_id");
        Instant now = calendar.now();
        if (Rows.instant(row, "revoked_at") != null || !Rows.bool(row, "active")
                || !Rows.instant(row, "expires_at").isAfter(now)) {
            return new Refreshed(null);
        }
        if (Rows.instant(row, "rotated_at") != null) {
            LOG.warnf("A rotated refresh token of session %s was used again: the session is revoked", family);
            revoke(family, "REUSED");
            return new Refreshed(null);
        }
        em.createNativeQuery("update refresh_token set rotated_at = :now where token_hash = :hash")
                .setParameter("now", now).setParameter("hash", hash).executeUpdate();
        return new Refreshed(pair(Rows.uuid(row, "account_id"), family, Rows.bool(row, "password_one_time")));
    }

    private void revoke(UUID family, String reason) {
        em.createNativeQuery("update refresh_family set revoked_at = :now, revoke_reason = :reason "
                + "where id = :id and revoked_at is null")
                .setParameter("now", calendar.now()).setParameter("reason", reason).setParameter("id", family)
                .executeUpdate();
    }

    private SignInViews.TokenPair pair(UUID accountId, UUID family, boolean passwordChangeRequired) {
        String refresh = Secrets.urlSafe(32);
        Instant now = calendar.now();
        em.createNativeQuery("insert into refresh_token (token_hash, family_id, issued_at, expires_at) "
                + "values (:hash, :family, :now, :expires)")
                .setParameter("hash", hash(refresh)).setParameter("family", family).setParameter("now", now)
                .setParameter("expires", now.plus(settings.refreshTtl())).executeUpdate();
        return new SignInViews.TokenPair(tokens.forAccount(accountId, family), "Bearer", tokens.ttl().toSeconds(), refresh,
                settings.refreshTtl().toSeconds(), accountId, passwordChangeRequired);
    }

    static byte[] hash(String token) {
        return Secrets.sha256(token);
    }

    private record Refreshed(SignInViews.TokenPair pair) {
    }
}
