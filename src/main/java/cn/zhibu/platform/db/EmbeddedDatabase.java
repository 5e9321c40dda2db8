package cn.zhibu.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * An embedded PostgreSQL server whose data directory survives restarts. It is the default
 * database when no JDBC URL is configured, and the database of the test suite.
 *
 * <p>Before it starts it takes an OS lock on {@code <dir>.lock} beside the data directory (held until
 * {@link #close()} or the end of the process), so that two processes never initialise or serve one directory; it
 * stops a PostgreSQL of this directory left running by a process that ended without stopping it (a {@code kill -9}),
 * and refuses to start, in one line, when anything else holds the directory. The server's own output (initdb,
 * start-up, crash recovery, errors) is appended to {@code <dir>/log/postgres.log}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    /** How long a start waits for the server to accept connections: long enough for a crash recovery. */
    public static final Duration DEFAULT_STARTUP_WAIT = Duration.ofSeconds(120);
    /** The server's own log, inside the data directory. */
    public static final String SERVER_LOG = "log/postgres.log";

    private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");
    private static final Map<String, String> NOT_DURABLE = Map.of("fsync", "off", "synchronous_commit", "off",
            "full_page_writes", "off");

    /**
     * The library logs every poll of a start at TRACE, with stack traces, before Quarkus has configured logging; its
     * warnings are enough (application.properties says the same for after). Held here so that the level stays.
     */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    static {
        LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final DirectoryLock lock;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, DirectoryLock lock) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.lock = lock;
    }

    /**
     * Starts a durable server on a free loopback port: {@code fsync}, {@code synchronous_commit} and
     * {@code full_page_writes} on, so that an acknowledged commit survives a crash of the process or the machine. An
     * existing data directory is reused as it is; a missing or empty one is initialised. Nothing stops it but
     * {@link #close()}: no JVM shutdown hook of its own (the service stops it after its requests have drained).
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, DEFAULT_STARTUP_WAIT);
    }

    /** As {@link #start(Path)}, waiting at most {@code startupWait} for the server (and its crash recovery). */
    public static EmbeddedDatabase start(Path dataDirectory, Duration startupWait) {
        return start(dataDirectory, DURABLE, startupWait);
    }

    /**
     * A server for data that may be lost (the test suite's): NOT durable. {@code fsync}, {@code synchronous_commit}
     * and {@code full_page_writes} are off, so a commit is acknowledged before it is on disk and a crash of the
     * machine may lose it or corrupt the directory. Everything else behaves as in {@link #start(Path)}: whoever
     * starts it closes it (the test suite's resource from a JVM shutdown hook of its own).
     */
    public static EmbeddedDatabase startThrowaway(Path dataDirectory) {
        return start(dataDirectory, NOT_DURABLE, DEFAULT_STARTUP_WAIT);
    }

    private static EmbeddedDatabase start(Path dataDirectory, Map<String, String> settings, Duration startupWait) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir.getParent(), e);
        }
        DirectoryLock lock = DirectoryLock.take(dir);
        try {
            Orphans.stopOrphanOf(dir, startupWait);
            if (!Files.exists(dir.resolve("postgresql.conf"))) {
                // initdb needs an empty directory, so its output cannot go into the directory's log yet: a first
                // start initialises with the output beside the directory, stops, and starts again with the log inside
                Path initLog = dir.resolveSibling(dir.getFileName() + ".initdb.log");
                startServer(dir, settings, startupWait, initLog).close();
                Path log = dir.resolve(SERVER_LOG);
                Files.createDirectories(log.getParent());
                Files.write(log, Files.readAllBytes(initLog), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Files.delete(initLog);
                LOG.infof("Initialised the embedded PostgreSQL data directory %s", dir);
            }
            Path log = dir.resolve(SERVER_LOG);
            Files.createDirectories(log.getParent());
            EmbeddedPostgres server = startServer(dir, settings, startupWait, log);
            try (java.sql.Connection superuser = server.getPostgresDatabase().getConnection()) {
                ServiceRole.createEmbedded(superuser);
            } catch (java.sql.SQLException e) {
                server.close();
                throw new EmbeddedDatabaseException("Could not create the service's role " + ServiceRole.EMBEDDED
                        + " on the embedded PostgreSQL: " + e.getMessage(), e);
            }
            LOG.infof("Embedded PostgreSQL is running on port %d; its data is kept in %s, its log in %s",
                    server.getPort(), dir, log);
            return new EmbeddedDatabase(server, dir, lock);
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private static EmbeddedPostgres startServer(Path dir, Map<String, String> settings, Duration startupWait, Path log)
            throws IOException {
        long logged = Files.exists(log) ? Files.size(log) : 0;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // it would race a graceful stop: the owner closes it
                .setPGStartupWait(startupWait)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100");
        settings.forEach(builder::setServerConfig); // after the library's -F: the last setting wins
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            boolean waited = e.getMessage() != null && e.getMessage().startsWith("Gave up waiting");
            throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + dir + " did not start"
                    + (waited ? " within " + startupWait.toSeconds() + " s" : "") + ": "
                    + cause(log, logged).orElse(String.valueOf(e.getMessage())) + " (its log: " + log + ")", e);
        }
    }

    /** The server's last FATAL, PANIC or ERROR line written since {@code from}, if any. */
    private static Optional<String> cause(Path log, long from) {
        try {
            if (!Files.exists(log)) {
                return Optional.empty();
            }
            byte[] all = Files.readAllBytes(log);
            String written = new String(all, (int) Math.min(from, all.length), (int) (all.length - Math.min(from,
                    all.length)), StandardCharsets.UTF_8);
            List<String> lines = written.lines().filter(l -> l.contains("FATAL") || l.contains("PANIC")
                    || l.contains("ERROR") || l.startsWith("initdb: error")).toList();
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The settings that point the datasource (as the service's role) and migrations (as the owner) at it. */
    public Map<String, String> datasourceSettings() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", ServiceRole.EMBEDDED,
                "quarkus.datasource.password", "",
                // the embedded server trusts local connections: Flyway wants a password, any one does
                "quarkus.flyway.username", USER,
                "quarkus.flyway.password", "local");
    }

    /** The server's URL, naming no user (the library's would name the superuser, over any username setting). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (a fast shutdown: open sessions are ended, data is flushed), then frees the directory. */
    @Override
    public void close() {
        try {
            server.close();
            LOG.infof("Embedded PostgreSQL stopped; its data stays in %s", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        } finally {
            lock.release();
        }
    }

    /** A start that cannot go on; its message is the one line an operator needs. */
    public static final class EmbeddedDatabaseException extends RuntimeException {
        EmbeddedDatabaseException(String message) {
            super(message);
        }

        EmbeddedDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The OS lock on {@code <dir>.lock} beside the data directory (inside it, initdb would find the directory not
     * empty). The file holds the PID of the process that has it. The OS frees the lock when the process ends, however
     * it ends; the file stays and is reused.
     */
    static final class DirectoryLock {
        private final FileChannel channel;
        private final FileLock lock;

        private DirectoryLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static Path fileOf(Path dir) {
            return dir.resolveSibling(dir.getFileName() + ".lock");
        }

        static DirectoryLock take(Path dir) {
            Path file = fileOf(dir);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException inThisProcess) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    for (int i = 0; holder.isEmpty() && i < 10; i++) { // taken a moment ago: its PID comes next
                        sleep(Duration.ofMillis(100));
                        holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    }
                    channel.close();
                    throw new EmbeddedDatabaseException("The embedded PostgreSQL data directory " + dir
                            + " is in use by another zhibu process (pid " + (holder.isEmpty() ? "unknown" : holder)
                            + "); stop it or set zhibu.embedded-db.dir");
                }
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(false);
                return new DirectoryLock(channel, lock);
            } catch (IOException e) {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // reported below
                    }
                }
                throw new UncheckedIOException("Could not lock " + file, e);
            }
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void release() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                LOG.warnf("Could not release the lock %s: %s", channel, e.getMessage());
            }
        }
    }

    /** A PostgreSQL of the data directory that is still running although no zhibu process holds the directory. */
    static final class Orphans {
        private Orphans() {
        }

        /**
         * Reads {@code postmaster.pid}: a dead PID is left to PostgreSQL (it replaces a stale file); a live PostgreSQL
         * of this directory is an orphan of ours (we hold the directory's lock, so the process that started it has
         * ended) and gets a fast shutdown; any other live process stops the start.
         */
        static void stopOrphanOf(Path dir, Duration wait) {
            Path pidFile = dir.resolve("postmaster.pid");
            List<String> lines;
            try {
                if (!Files.isRegularFile(pidFile)) {
                    return;
                }
                lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + pidFile, e);
            }
            long pid;
            try {
                pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
            } catch (NumberFormatException e) {
                LOG.infof("%s names no process; PostgreSQL replaces it", pidFile);
                return;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> !isZombie(p.pid()));
            if (process.isEmpty() || pid == ProcessHandle.current().pid()) {
                LOG.infof("Found %s of process %d, which is not running (the server was not stopped cleanly); "
                        + "PostgreSQL replaces it and recovers from its write-ahead log", pidFile, pid);
                return;
            }
            String commandLine = commandLine(process.get());
            boolean postgres = !commandLine.isEmpty()
                    && Path.of(commandLine.split(" ", 2)[0]).getFileName().toString().equals("postgres");
            boolean ofThisDirectory = commandLine.contains(dir.toString())
                    || (lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dir));
            if (!postgres || !ofThisDirectory) {
                throw new EmbeddedDatabaseException("The embedded PostgreSQL data directory " + dir
                        + " names running process " + pid + " (" + (commandLine.isEmpty() ? "unknown" : commandLine)
                        + ") in " + pidFile + ", which is not a PostgreSQL server of this directory; stop that "
                        + "process, or if it does not use " + dir + ", delete " + pidFile + " and start again");
            }
            LOG.warnf("PostgreSQL (pid %d) is still running on %s although no zhibu process holds it (the process that "
                    + "started it ended without stopping it); stopping it with a fast shutdown", pid, dir);
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true)
                        .start();
                kill.waitFor(10, TimeUnit.SECONDS);
                process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException | ExecutionException e) {
                throw new EmbeddedDatabaseException("Could not stop PostgreSQL (pid " + pid + ") still running on "
                        + dir + ": " + e.getMessage() + "; stop it (kill -INT " + pid + ") and start again", e);
            } catch (TimeoutException e) {
                throw new EmbeddedDatabaseException("PostgreSQL (pid " + pid + ") still running on " + dir
                        + " did not stop within " + wait + " of a fast shutdown; stop it (kill -INT " + pid
                        + ") and start again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedDatabaseException("Interrupted while stopping PostgreSQL (pid " + pid + ")", e);
            }
            LOG.infof("The PostgreSQL left running on %s has stopped; starting it again", dir);
        }

        /** A process that has ended but whose parent has not collected its exit yet: it runs nothing. */
        private static boolean isZombie(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
            } catch (IOException | RuntimeException notLinux) {
                return false;
            }
        }

        private static String commandLine(ProcessHandle process) {
            try {
                byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
                return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            } catch (IOException | RuntimeException notLinux) {
                ProcessHandle.Info info = process.info();
                return info.commandLine().or(info::command).orElse("");
            }
        }
    }
}
