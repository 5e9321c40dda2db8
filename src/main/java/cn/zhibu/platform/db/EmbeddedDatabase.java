package cn.zhibu.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * An embedded PostgreSQL server whose data directory survives restarts. It is the default
 * database when no JDBC URL is configured, and the database of the test suite.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on a free loopback port. An existing data directory is reused as it is;
     * a missing or empty one is initialised.
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, java.util.Map.of());
    }

    /**
     * A server for data that may be lost (the test suite's): commits are not flushed to disk, so a crash of
     * the machine may lose them; everything else behaves as in {@link #start(Path)}.
     */
    public static EmbeddedDatabase startThrowaway(Path dataDirectory) {
        return start(dataDirectory, java.util.Map.of("fsync", "off", "synchronous_commit", "off",
                "full_page_writes", "off"));
    }

    private static EmbeddedDatabase start(Path dataDirectory, java.util.Map<String, String> settings) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres server = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(server, dir);
            LOG.infof("Embedded PostgreSQL is running on port %d; its data is kept in %s",
                    server.getPort(), dir);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (a fast shutdown: open sessions are ended, data is flushed). */
    @Override
    public void close() {
        try {
            server.close();
            LOG.infof("Embedded PostgreSQL stopped; its data stays in %s", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
