package cn.zhibu.identity.signin;

import cn.zhibu.identity.accounts.AccountService;
import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
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

    DemoSignIn(AccountService accounts, jakarta.persistence.EntityManager em, @ConfigProperty(name = "zhibu.demo", defaultValue = "false") boolean demo,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url) {
        this.accounts = accounts;
        this.em = em;
        boolean local = LaunchMode.current() == LaunchMode.TEST || url.map(DefaultDatabase::isEmbedded).orElse(false);
        this.enabled = demo && local;
        if (demo && !local) {
            LOG.warn("zhibu.demo=true on a configured database server: demo data is loaded, the demo sign-in stays off");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public TokenPair signIn(UUID personId) {
        if (!enabled || em.createNativeQuery("select 1 from person where id = :id and external_id like 'DEMO-%'",
                Integer.class).setParameter("id", personId).getResultList().isEmpty()) {
            throw new ProblemException(ProblemCode.NOT_FOUND); // only demo people, and only on demo installations
        }
        return accounts.startPersonSession(personId);
    }
}
