package cn.zhibu.identity.signin;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.accounts.Account;
import cn.zhibu.identity.accounts.Passwords;
import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff sign-in with a user name and password. After {@code zhibu.sign-in.max-failures} failures in
 * a row the name is locked for {@code zhibu.sign-in.lockout} (429 with Retry-After, even for the
 * right password); the count lives in the database, so every replica sees it. Unknown names fail
 * like wrong passwords, as slowly, and lock the same way, so nothing tells which names exist.
 */
@ApplicationScoped
public class PasswordSignIn {

    private final Sessions sessions;
    private final BusinessCalendar calendar;
    private final EntityManager em;
    private final int maxFailures;
    private final Duration lockout;

    PasswordSignIn(Sessions sessions, BusinessCalendar calendar, EntityManager em, SignInSettings settings) {
        this.sessions = sessions;
        this.calendar = calendar;
        this.em = em;
        this.maxFailures = settings.maxFailures();
        this.lockout = settings.lockout();
    }

    public SignInViews.TokenPair signIn(String username, String password) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> attempt(username.toLowerCase(Locale.ROOT), password));
        if (outcome.pair() != null) {
            return outcome.pair();
        }
        if (outcome.retryAfter() != null) {
            long seconds = Math.max(1, outcome.retryAfter().toSeconds());
            throw new ProblemException(IdentityProblem.SIGN_IN_LOCKED, seconds).header(RateLimiter.RETRY_AFTER, seconds);
        }
        throw new ProblemException(IdentityProblem.SIGN_IN_FAILED);
    }

    private Outcome attempt(String username, String password) {
        Instant now = calendar.now();
        // one row per name, locked, so parallel attempts on one name are counted one by one
        // (one statement: the row exists and is locked even if the clean-up just deleted it)
        Tuple failures = (Tuple) em.createNativeQuery("insert into sign_in_failure (username, failures, "
                + "last_failure_at) values (:name, 0, :now) on conflict (username) do update set username = "
                + "excluded.username returning failures as failures, locked_until as locked_until", Tuple.class)
                .setParameter("name", username).setParameter("now", now).getSingleResult();
        Instant lockedUntil = Rows.instant(failures, "locked_until");
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new Outcome(null, Duration.between(now, lockedUntil));
        }
        Optional<Account> found = Account.<Account>find("username", username).firstResultOptional();
        boolean known = found.isPresent() && found.get().active;
        // an unknown name costs as much as a known one, and is counted the same
        if (known && Passwords.matches(password, found.get().passwordHash)) {
            em.createNativeQuery("delete from sign_in_failure where username = :name").setParameter("name", username)
                    .executeUpdate();
            return new Outcome(sessions.start(found.get().id, found.get().passwordOneTime), null);
        }
        if (!known) {
            Passwords.matches(password, null);
        }
        int count = Rows.integer(failures, "failures") + 1;
        boolean lock = count >= maxFailures;
        em.createNativeQuery("update sign_in_failure set failures = :failures, locked_until = :until, "
                + "last_failure_at = :now where username = :name")
                .setParameter("failures", lock ? 0 : count).setParameter("until", lock ? now.plus(lockout) : null)
                .setParameter("now", now).setParameter("name", username).executeUpdate();
        return new Outcome(null, lock ? lockout : null);
    }

    /** Forgets failures that no longer matter: no lock in force and none for a whole lockout period. */
    @Scheduled(identity = "sign-in-failures-cleanup", every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class)
    void forgetOldFailures() {
        Instant now = calendar.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from sign_in_failure where "
                + "(locked_until is null or locked_until < :now) and last_failure_at < :before")
                .setParameter("now", now).setParameter("before", now.minus(lockout)).executeUpdate());
    }

    private record Outcome(SignInViews.TokenPair pair, Duration retryAfter) {
    }
}
