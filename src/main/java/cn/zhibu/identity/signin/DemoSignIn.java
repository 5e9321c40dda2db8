package cn.zhibu.identity.signin;

import cn.zhibu.identity.accounts.AccountService;
import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.demo.DemoMode;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo-only sign-in: a token for any demo person, without a password, so that a newcomer can
 * try the API at once. On only with {@code zhibu.demo=true} and the embedded database of this
 * machine (or in tests): a service on a configured database server never offers it.
 */
@ApplicationScoped
public class DemoSignIn {

    private static final Logger LOG = Logger.getLogger(DemoSignIn.class);

    private final AccountService accounts;
    private final jakarta.persistence.EntityManager em;
    private final boolean enabled;

    DemoSignIn(AccountService accounts, jakarta.persistence.EntityManager em, DemoMode demoMode,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = DemoHost.HOST) Optional<String> host) {
        this.accounts = accounts;
        this.em = em;
        boolean demo = demoMode.on();
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        boolean local = test || url.map(DefaultDatabase::isEmbedded).orElse(false);
        boolean loopback = test || host.map(DemoHost::loopback).orElse(false);
        this.enabled = demo && local && loopback;
        if (demo && !local) {
            LOG.warn("zhibu.demo=true on a configured database server: demo data is loaded, the demo sign-in stays off");
        } else if (demo && !loopback) {
            LOG.warnf("zhibu.demo=true while listening beyond this machine (quarkus.http.host=%s): demo data is loaded, "
                    + "the demo sign-in stays off", host.orElse("?"));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Signs in as the demo person with this external id (DEMO-nnnn) or this id. */
    public SignInViews.TokenPair signIn(Optional<String> externalId, Optional<UUID> personId) {
        if (externalId.isPresent() == personId.isPresent()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "externalId/personId", "exactly one");
        }
        if (!enabled) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        // the demo's own people only (DEMO-1001 to DEMO-1030, and DEMO-2001 to DEMO-2006 of the second branch), not
        // anyone given an id that looks like theirs later
        List<UUID> found = em.createNativeQuery("select id from person where external_id ~ "
                + "'^DEMO-(100[1-9]|10[12][0-9]|1030|200[1-6])$' and "
                + (externalId.isPresent() ? "external_id = :key" : "id = :key"))
                .setParameter("key", externalId.isPresent() ? externalId.get() : personId.get()).getResultList();
        if (found.isEmpty()) {
            throw new ProblemException(ProblemCode.NOT_FOUND); // only demo people
        }
        return accounts.startPersonSession(found.get(0));
    }
}
