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
 * <p>
 * Either way Flyway migrates over a connection of its own, never one of the pool: the pool's connections carry the
 * service's session limits ({@code zhibu.db.*-timeout}, applied by {@code quarkus.datasource.jdbc.new-connection-sql}),
 * which a migration must not inherit (an index built concurrently may run for minutes); each migration sets its own
 * {@code lock_timeout}. With Flyway credentials Quarkus opens that connection itself.
 */
@ApplicationScoped
public class ServiceRole implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(ServiceRole.class);
    /** The service's role on the embedded database (and in the test suite). */
    public static final String EMBEDDED = "zhibu_app";

    private final Optional<String> serviceUser;
    private final Optional<String> ownerUser;

    private final Optional<String> url;
    private final Optional<String> servicePassword;

    ServiceRole(@ConfigProperty(name = "quarkus.datasource.username") Optional<String> serviceUser,
            @ConfigProperty(name = "quarkus.flyway.username") Optional<String> ownerUser,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> servicePassword) {
        this.serviceUser = serviceUser.filter(u -> !u.isBlank());
        this.ownerUser = ownerUser.filter(u -> !u.isBlank());
        this.url = url;
        this.servicePassword = servicePassword;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (serviceUser.isPresent() && ownerUser.isPresent() && !serviceUser.equals(ownerUser)) {
            configuration.callbacks(new ServiceRoleGrants(serviceUser.get()));
            return;
        }
        // one role: Flyway would migrate over a pooled connection, session limits and all; it opens its own
        url.ifPresent(jdbcUrl -> configuration.dataSource(jdbcUrl, serviceUser.orElse(null),
                servicePassword.orElse(null)));
        LOG.warn("The service connects to the database as the owner of its schema: it could change the schema "
                + "and switch off the append-only guards. Give migrations their own role with "
                + "QUARKUS_FLYWAY_USERNAME and QUARKUS_FLYWAY_PASSWORD (see operations.md, \"Database roles\").");
    }

    /**
     * Makes the embedded default's service role ({@link #EMBEDDED}) unless it exists: it logs in and owns nothing.
     * Migrations run as the server's superuser, who owns the schema; the datasource connects as this role.
     */
    static void createEmbedded(java.sql.Connection superuser) throws java.sql.SQLException {
        try (java.sql.Statement statement = superuser.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + EMBEDDED
                    + "') then create role " + EMBEDDED + " login nosuperuser nocreatedb nocreaterole noinherit; "
                    + "end if; end $$");
        }
    }
}
