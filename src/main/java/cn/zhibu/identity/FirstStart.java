package cn.zhibu.identity;

import cn.zhibu.identity.accounts.AccountService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * With no org admin everywhere (an empty database), makes one: user name {@code zhibu.admin.username},
 * password {@code zhibu.admin.initial-password} or a random one printed to the log this once. Either
 * way it is a one-time password, to be changed at the first sign-in, so no install runs on a known one.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);

    private final AccountService accounts;
    private final String username;
    private final Optional<String> password;

    FirstStart(AccountService accounts, AdminSettings settings) {
        this.accounts = accounts;
        this.username = settings.username();
        this.password = settings.initialPassword();
    }

    void start(@Observes @Priority(5) StartupEvent event) {
        accounts.ensureFirstAdmin(username, password).ifPresent(made -> {
            if (password.isPresent()) {
                LOG.infof("First start: made the org admin '%s' with the password from zhibu.admin.initial-password; "
                        + "it must be changed at the first sign-in", username);
            } else {
                LOG.infof("First start: made the org admin '%s' with the one-time password %s (shown once); sign in "
                        + "at POST /v1/sessions/password and change it at POST /v1/me/password", username, made);
            }
        });
    }
}
