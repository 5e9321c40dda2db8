package cn.zhibu.identity.signin;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.accounts.Account;
import cn.zhibu.platform.crypto.Secrets;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in from the mini-program: the {@code wx.login} code names a WeChat user; a user bound to a
 * person signs in as that person. The first time, a one-time invitation code that a secretary
 * issued for the person binds the two; a later invitation moves the person to another WeChat.
 */
@ApplicationScoped
public class WeChatSignIn {

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 10;

    private final WeChat wechat;
    private final Sessions sessions;
    private final cn.zhibu.identity.accounts.AccountService accounts;
    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Duration invitationTtl;

    WeChatSignIn(WeChat wechat, Sessions sessions, cn.zhibu.identity.accounts.AccountService accounts, EntityManager em,
            BusinessCalendar calendar, WeChatSettings settings) {
        this.wechat = wechat;
        this.sessions = sessions;
        this.accounts = accounts;
        this.em = em;
        this.calendar = calendar;
        this.invitationTtl = settings.invitationTtl();
    }

    public SignInViews.TokenPair signIn(String code, Optional<String> invitationCode) {
        WeChat.Identity user = wechat.identify(code); // outside any transaction: it waits on the network
        try {
            return QuarkusTransaction.requiringNew().call(() -> bindAndStart(user, invitationCode));
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                // two first sign-ins of the same WeChat user raced; the other one bound it
                throw new ProblemException(IdentityProblem.WECHAT_ALREADY_BOUND);
            }
            throw e;
        }
    }

    /** A new invitation code for a person (earlier unused codes stop working); shown once, kept hashed. */
    public SignInViews.Invitation invite(UUID personId, String issuedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = calendar.now();
            em.createNativeQuery("update wechat_invitation set used_at = :now where person_id = :person and used_at is null")
                    .setParameter("now", now).setParameter("person", personId).executeUpdate();
            String code = Secrets.code(CODE_ALPHABET, CODE_LENGTH);
            Instant expires = now.plus(invitationTtl);
            em.createNativeQuery("insert into wechat_invitation (code_hash, person_id, issued_by, issued_at, expires_at) "
                    + "values (:hash, :person, :by, :now, :expires)")
                    .setParameter("hash", Sessions.hash(code)).setParameter("person", personId)
                    .setParameter("by", issuedBy).setParameter("now", now).setParameter("expires", expires)
                    .executeUpdate();
            return new SignInViews.Invitation(code, personId, expires);
        });
    }

    private SignInViews.TokenPair bindAndStart(WeChat.Identity user, Optional<String> invitationCode) {
        Optional<Account> bound = Account.<Account>find("wechatOpenid", user.openid()).firstResultOptional()
                .or(() -> user.unionid().flatMap(u -> Account.<Account>find("wechatUnionid", u).firstResultOptional()));
        if (bound.isPresent()) {
            Account account = bound.get();
            if (invitationCode.isPresent()
                    && !redeem(invitationCode.get().trim().toUpperCase(java.util.Locale.ROOT)).equals(account.personId)) {
                throw new ProblemException(IdentityProblem.WECHAT_ALREADY_BOUND); // this WeChat is someone else's
            }
            if (!account.active || !personActive(account.personId)) {
                throw new ProblemException(IdentityProblem.PERSON_NOT_ACTIVE);
            }
            if (account.wechatOpenid == null) {
                account.wechatOpenid = user.openid();
            }
            return sessions.start(account.id, false);
        }
        if (invitationCode.isEmpty()) {
            throw new ProblemException(IdentityProblem.WECHAT_NOT_BOUND);
        }
        UUID personId = redeem(invitationCode.get().trim().toUpperCase(java.util.Locale.ROOT));
        if (!personActive(personId)) {
            throw new ProblemException(IdentityProblem.PERSON_NOT_ACTIVE);
        }
        Account account = Account.findById(accounts.ofPersonMadeIfNeeded(personId)); // made once, even when raced
        Instant now = calendar.now();
        if (!account.active) {
            throw new ProblemException(IdentityProblem.PERSON_NOT_ACTIVE);
        } else if (account.wechatOpenid != null) {
            // a new invitation moves the person to another WeChat (a new phone, a new WeChat account):
            // the old one stops signing in, and its sessions end
            sessions.endAll(account.id, "SIGNED_OUT");
        }
        account.wechatOpenid = user.openid();
        account.wechatUnionid = user.unionid().orElse(null);
        account.updatedAt = now;
        account.persist();
        Account.flush();
        return sessions.start(account.id, false);
    }

    private UUID redeem(String code) {
        List<UUID> person = em.createNativeQuery("update wechat_invitation set used_at = :now where code_hash = :hash "
                + "and used_at is null and expires_at > :now returning person_id")
                .setParameter("now", calendar.now()).setParameter("hash", Sessions.hash(code)).getResultList();
        if (person.isEmpty()) {
            throw new ProblemException(IdentityProblem.INVITATION_INVALID);
        }
        return person.get(0);
    }

    private boolean personActive(UUID personId) {
        return personId == null || !em.createNativeQuery("select 1 from person where id = :id and active")
                .setParameter("id", personId).getResultList().isEmpty();
    }
}
