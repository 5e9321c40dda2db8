package cn.zhibu.platform.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Two database roles: migrations run as the owner of the schema ({@code quarkus.flyway.username}/{@code password}),
 * the service as a role with rights on rows only ({@code quarkus.datasource.username}), granted by the owner after
 * every migration ({@link ServiceRoleGrants}). The embedded default creates its service role ({@link #EMBEDDED})
 * itself. With one role for both (no Flyway credentials of their own) the service still runs, as the owner, and says
 * so at start.
 */
@ApplicationScoped
public class ServiceRole implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(ServiceRole.class);
    /** The service's role on the embedded database (and in the test suite). */
    public static final String EMBEDDED = "zhibu_app";

    private final Optional<String> serviceUser;
    private final Optional<String> ownerUser;

    ServiceRole(@ConfigProperty(name = "quarkus.datasource.username") Optional<String> serviceUser,
            @ConfigProperty(name = "quarkus.flyway.username") Optional<String> ownerUser) {
        this.serviceUser = serviceUser.filter(u -> !u.isBlank());
        this.ownerUser = ownerUser.filter(u -> !u.isBlank());
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (serviceUser.isPresent() && ownerUser.isPresent() && !serviceUser.equals(ownerUser)) {
            configuration.callbacks(new ServiceRoleGrants(serviceUser.get()));
        } else {
            LOG.warn("The service connects to the database as the owner of its schema: it could change the schema "
                    + "and switch off the append-only guards. Give migrations their own role with "
                    + "QUARKUS_FLYWAY_USERNAME and QUARKUS_FLYWAY_PASSWORD (see operations.md, \"Database roles\").");
        }
    }
}
