package cn.zhibu.identity.accounts;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.grants.GrantService;
import cn.zhibu.identity.signin.Sessions;
import cn.zhibu.identity.signin.SignInViews;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Accounts: staff accounts with passwords, person accounts, and the first org admin. */
@ApplicationScoped
public class AccountService {

    static final int MIN_PASSWORD = 12;

    private final EntityManager em;
    private final Sessions sessions;
    private final GrantService grants;
    private final BusinessCalendar calendar;

    AccountService(EntityManager em, Sessions sessions, GrantService grants, BusinessCalendar calendar) {
        this.em = em;
        this.sessions = sessions;
        this.grants = grants;
        this.calendar = calendar;
    }

    /**
     * A staff account with a one-time password (shown once), optionally a person's. A person's account made only to
     * hold their roles (never signed in with) becomes the staff account; one they sign in with already (WeChat, a
     * session) is left as it is: 409 ACCOUNT_EXISTS.
     */
    @Transactional
    public NewAccount createStaff(String username, Optional<UUID> personId) {
        String name = username.toLowerCase(Locale.ROOT);
        if (Account.count("username", name) > 0) {
            throw new ProblemException(IdentityProblem.USERNAME_TAKEN, name);
        }
        Account account = personId.flatMap(this::ofPerson).orElse(null);
        if (account != null && account.username != null) {
            throw new ProblemException(IdentityProblem.PERSON_HAS_ACCOUNT, account.username);
        }
        if (account != null && signsIn(account)) {
            // a one-time password on the account they use would stop their sessions until it is changed
            throw new ProblemException(IdentityProblem.ACCOUNT_EXISTS);
        }
        if (account == null) {
            account = newAccount(personId.orElse(null));
        }
        String password = Passwords.random();
        account.username = name;
        account.passwordHash = Passwords.hash(password);
        account.passwordOneTime = true;
        account.updatedAt = calendar.now();
        account.persist();
        try {
            Account.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException violation) {
                // taken at the same moment: the name, or the person's account
                String constraint = String.valueOf(violation.getConstraintName());
                throw constraint.contains("person") ? new ProblemException(IdentityProblem.PERSON_HAS_ACCOUNT, name)
                        : new ProblemException(IdentityProblem.USERNAME_TAKEN, name);
            }
            throw e;
        }
        return new NewAccount(account.id, name, account.personId, password);
    }

    /** Changes the caller's password; the account's other sessions end (a thief's among them). */
    @Transactional
    public void changePassword(UUID accountId, UUID currentSession, String current, String replacement) {
        Account account = Account.<Account>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (account.passwordHash == null || !Passwords.matches(current, account.passwordHash)) {
            throw new ProblemException(IdentityProblem.PASSWORD_CURRENT_WRONG);
        }
        if (replacement.length() < MIN_PASSWORD || replacement.equalsIgnoreCase(account.username)
                || replacement.equals(current)) {
            throw new ProblemException(IdentityProblem.PASSWORD_TOO_WEAK);
        }
        account.passwordHash = Passwords.hash(replacement);
        account.passwordOneTime = false;
        account.updatedAt = calendar.now();
        sessions.endAllBut(accountId, currentSession, "SIGNED_OUT");
    }

    /** The person's account, if they have one. */
    public Optional<UUID> accountOf(UUID personId) {
        return Account.<Account>find("personId", personId).firstResultOptional().map(account -> account.id);
    }

    /** Grants a role to a person, making their account if needed, in one transaction. */
    @Transactional
    public cn.zhibu.identity.grants.GrantViews.View grantToPerson(UUID personId, String role, UUID unitId, String grantedBy) {
        return grants.grant(ofPersonMadeIfNeeded(personId), role, unitId, grantedBy);
    }

    /** The id of a person's account, made if the person has none yet (to grant them a role). */
    @Transactional
    public UUID ofPersonMadeIfNeeded(UUID personId) {
        ofPerson(personId); // the person must be active
        Instant now = calendar.now();
        // made at most once even when two requests race for it (person_id is unique)
        em.createNativeQuery("insert into account (id, person_id, active, version, created_at, updated_at) "
                + "values (:id, :person, true, 0, :now, :now) on conflict (person_id) do nothing")
                .setParameter("id", UUID.randomUUID()).setParameter("person", personId).setParameter("now", now)
                .executeUpdate();
        return em.createNativeQuery("select id from account where person_id = :person")
                .setParameter("person", personId).getSingleResult() instanceof UUID id ? id : null;
    }

    /** The account of a person, made when first needed (demo sign-in, WeChat binding). */
    @Transactional
    public SignInViews.TokenPair startPersonSession(UUID personId) {
        Account account = Account.findById(ofPersonMadeIfNeeded(personId));
        if (!account.active) {
            throw new ProblemException(IdentityProblem.PERSON_NOT_ACTIVE);
        }
        return sessions.start(account.id, false);
    }

    /**
     * The first org admin, when no account holds ORG_ADMIN everywhere: made once, across replicas,
     * with the given password or a random one; either way it must be changed at the first sign-in.
     * Returns the password when an admin was made.
     */
    @Transactional
    public Optional<String> ensureFirstAdmin(String username, Optional<String> configuredPassword) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", 0x7a2d61646d696eL) // "z-admin"
                .getSingleResult();
        if (grants.globalAdmins() > 0) {
            return Optional.empty();
        }
        String name = username.toLowerCase(Locale.ROOT);
        Account account = Account.<Account>find("username", name).firstResultOptional().orElseGet(() -> {
            Account made = newAccount(null);
            made.username = name;
            return made;
        });
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(Passwords::random);
        account.passwordHash = Passwords.hash(password);
        account.passwordOneTime = true;
        account.active = true;
        account.persist();
        Account.flush();
        grants.grant(account.id, Roles.ORG_ADMIN, null, "system:first-start");
        return Optional.of(password);
    }

    private Optional<Account> ofPerson(UUID personId) {
        if (em.createNativeQuery("select 1 from person where id = :id and active")
                .setParameter("id", personId).getResultList().isEmpty()) {
            throw new ProblemException(IdentityProblem.PERSON_NOT_ACTIVE);
        }
        return Account.find("personId", personId).firstResultOptional();
    }

    /** Whether the person signs in with the account already: WeChat is bound, or a session was ever started. */
    private boolean signsIn(Account account) {
        return account.wechatOpenid != null || account.wechatUnionid != null
                || !em.createNativeQuery("select 1 from refresh_family where account_id = :id")
                        .setParameter("id", account.id).setMaxResults(1).getResultList().isEmpty();
    }

    private Account newAccount(UUID personId) {
        Instant now = calendar.now();
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.personId = personId;
        account.active = true;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    /** A new staff account and its one-time password. */
    public record NewAccount(UUID id, String username, UUID personId, String oneTimePassword) {
    }
}
