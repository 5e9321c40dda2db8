package cn.zhibu.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Says at start-up, on any database (embedded or configured), whether the server the service writes to keeps an
 * acknowledged commit through a crash: the durability settings as seen on the service's own connection, in one
 * line, and one warning when any of them is off.
 */
@Singleton
public class DatabaseDurability {

    private static final Logger LOG = Logger.getLogger(DatabaseDurability.class);
    static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    void report(@Observes StartupEvent event, AgroalDataSource dataSource) {
        Map<String, String> seen;
        try {
            seen = settings(dataSource);
        } catch (SQLException e) {
            LOG.warnf("Could not read the database's durability settings: %s", e.getMessage());
            return;
        }
        String line = seen.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        LOG.infof("Database durability: %s", line);
        if (!isDurable(seen)) {
            LOG.warnf("The database is not durable (%s): a crash of the server or the machine may lose commits "
                    + "already acknowledged to clients; set fsync, synchronous_commit and full_page_writes to on",
                    line);
        }
    }

    /** The settings, in the order of {@link #SETTINGS}, as the server answers {@code SHOW} on one connection. */
    static Map<String, String> settings(javax.sql.DataSource dataSource) throws SQLException {
        Map<String, String> seen = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String name : SETTINGS) {
                try (ResultSet r = s.executeQuery("show " + name)) {
                    r.next();
                    seen.put(name, r.getString(1));
                }
            }
        }
        return seen;
    }

    /** Durable when every setting is on ({@code synchronous_commit} also when local, remote_write or remote_apply). */
    static boolean isDurable(Map<String, String> seen) {
        return seen.entrySet().stream().allMatch(e -> e.getKey().equals("synchronous_commit")
                ? !e.getValue().equals("off") : e.getValue().equals("on"));
    }
}
