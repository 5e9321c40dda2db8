package cn.zhibu.identity.signin;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.accounts.Account;
import cn.zhibu.identity.accounts.Passwords;
import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Staff sign-in with a user name and password. After {@code zhibu.sign-in.max-failures} failures in
 * a row the account is locked for {@code zhibu.sign-in.lockout} (429 with Retry-After, even for the
 * right password); the count lives in the database, so every replica sees it. Unknown names fail
 * like wrong passwords, and as slowly.
 */
@ApplicationScoped
public class PasswordSignIn {

    private final Sessions sessions;
    private final BusinessCalendar calendar;
    private final int maxFailures;
    private final Duration lockout;

    PasswordSignIn(Sessions sessions, BusinessCalendar calendar,
            @ConfigProperty(name = "zhibu.sign-in.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "zhibu.sign-in.lockout", defaultValue = "PT15M") Duration lockout) {
        this.sessions = sessions;
        this.calendar = calendar;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    public TokenPair signIn(String username, String password) {
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
        Optional<Account> found = Account.<Account>find("username", username)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty() || !found.get().active) {
            Passwords.matches(password, null);
            return new Outcome(null, null);
        }
        Account account = found.get();
        Instant now = calendar.now();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            return new Outcome(null, Duration.between(now, account.lockedUntil));
        }
        if (!Passwords.matches(password, account.passwordHash)) {
            account.failedSignIns++;
            if (account.failedSignIns >= maxFailures) {
                account.failedSignIns = 0;
                account.lockedUntil = now.plus(lockout);
                return new Outcome(null, lockout);
            }
            return new Outcome(null, null);
        }
        account.failedSignIns = 0;
        account.lockedUntil = null;
        return new Outcome(sessions.start(account.id, account.passwordOneTime), null);
    }

    private record Outcome(TokenPair pair, Duration retryAfter) {
    }
}
