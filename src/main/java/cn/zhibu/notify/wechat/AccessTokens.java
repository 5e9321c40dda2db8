package cn.zhibu.notify.wechat;

import cn.zhibu.platform.crypto.EncryptedColumns;
import cn.zhibu.platform.crypto.FieldCipher;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The mini-program's access token, kept in {@code wechat_access_token} and shared by every replica; never fetched per
 * message. A replica that finds it missing or within {@code zhibu.notify.delivery.token-margin} of its end takes the
 * refresh lease in a short transaction, asks WeChat outside any transaction, and stores the answer; while another
 * replica holds the lease, the stored token serves as long as it is valid (else this pass waits for the next one).
 * The token is stored encrypted ({@link FieldCipher}, bound to the app id).
 */
@ApplicationScoped
public class AccessTokens implements EncryptedColumns {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);
    /** How long a refresh lease holds: longer than a call to WeChat may take. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final FieldCipher cipher;
    private final WeChatMessages wechat;
    private final Duration margin;

    AccessTokens(EntityManager em, BusinessCalendar calendar, FieldCipher cipher, WeChatMessages wechat,
            DeliverySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.cipher = cipher;
        this.wechat = wechat;
        this.margin = settings.tokenMargin();
    }

    private record Stored(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "Stored[expiresAt=" + expiresAt + "]";
        }
    }

    /** A token to send with now, refreshed first when it is near its end and no other replica refreshes it. */
    public Optional<String> current(String replica) {
        Instant now = calendar.now();
        Optional<String> app = wechat.appId();
        if (app.isEmpty()) {
            wechat.stableToken(false); // logs why
            return Optional.empty();
        }
        Optional<Stored> stored = stored(app.get());
        if (stored.isPresent() && stored.get().expiresAt().minus(margin).isAfter(now)) {
            return Optional.of(stored.get().token());
        }
        Optional<String> fresh = refresh(app.get(), replica, false);
        if (fresh.isPresent()) {
            return fresh;
        }
        // another replica refreshes it (or WeChat did not answer): the stored one serves until it ends
        return stored.filter(s -> s.expiresAt().isAfter(now)).map(Stored::token);
    }

    /**
     * WeChat refused {@code refused} as invalid or expired (40001, 40014, 42001): a token to try once more with. When
     * the stored token is another (a replica refreshed it meanwhile) that one; else a new one, forced.
     */
    public Optional<String> afterRefusal(String refused, String replica) {
        Optional<String> app = wechat.appId();
        if (app.isEmpty()) {
            return Optional.empty();
        }
        Optional<Stored> stored = stored(app.get());
        if (stored.isPresent() && !stored.get().token().equals(refused)
                && stored.get().expiresAt().isAfter(calendar.now())) {
            return Optional.of(stored.get().token());
        }
        return refresh(app.get(), replica, true);
    }

    private Optional<String> refresh(String app, String replica, boolean force) {
        if (!lease(app, replica)) {
            LOG.debugf("The WeChat access token is being refreshed by another replica");
            return Optional.empty();
        }
        Optional<WeChatMessages.Token> token = Optional.empty();
        try {
            token = wechat.stableToken(force);
            return token.map(WeChatMessages.Token::value);
        } finally {
            store(app, replica, token);
        }
    }

    /** Takes the refresh lease in a transaction of its own; false when another replica holds it. */
    private boolean lease(String app, String replica) {
        Instant now = calendar.now();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                insert into wechat_access_token as t (app_id, lease_holder, lease_until, updated_at)
                values (?1, ?2, ?3, ?4)
                on conflict (app_id) do update set lease_holder = excluded.lease_holder,
                    lease_until = excluded.lease_until, updated_at = excluded.updated_at
                where t.lease_until is null or t.lease_until <= ?4 or t.lease_holder = ?2""")
                .setParameter(1, app).setParameter(2, replica).setParameter(3, now.plus(LEASE)).setParameter(4, now)
                .executeUpdate()) == 1;
    }

    /** Stores a fresh token (if any) and gives the lease back. */
    private void store(String app, String replica, Optional<WeChatMessages.Token> token) {
        Instant now = calendar.now();
        QuarkusTransaction.requiringNew().run(() -> {
            if (token.isPresent()) {
                Instant expires = now.plus(token.get().lifetime());
                em.createNativeQuery("""
                        update wechat_access_token set token_cipher = ?2, expires_at = ?3, refreshed_at = ?4,
                            lease_holder = null, lease_until = null, updated_at = ?4
                        where app_id = ?1""")
                        .setParameter(1, app).setParameter(2, cipher.encrypt(token.get().value(), context(app)))
                        .setParameter(3, expires).setParameter(4, now).executeUpdate();
                LOG.infof("WeChat access token refreshed; valid until %s", expires);
            } else {
                em.createNativeQuery("""
                        update wechat_access_token set lease_holder = null, lease_until = null, updated_at = ?3
                        where app_id = ?1 and lease_holder = ?2""")
                        .setParameter(1, app).setParameter(2, replica).setParameter(3, now).executeUpdate();
            }
        });
    }

    private Optional<Stored> stored(String app) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select token_cipher, expires_at from wechat_access_token where app_id = ?1 and token_cipher is not null",
                Tuple.class).setParameter(1, app).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stored(cipher.decrypt(Rows.bytes(rows.get(0), "token_cipher"), context(app)),
                    Rows.instant(rows.get(0), "expires_at")));
        } catch (IllegalStateException e) { // its key is gone: WeChat gives another
            LOG.warn("The stored WeChat access token cannot be decrypted; a new one is fetched");
            return Optional.empty();
        }
    }

    private static String context(String app) {
        return "wechat_access_token:" + app;
    }

    @Override
    public List<Column> encryptedColumns() {
        return List.of(new Column("wechat_access_token", "app_id", "text", "token_cipher", AccessTokens::context, ""));
    }
}
