package cn.zhibu.platform.db;

import cn.zhibu.platform.db.EmbeddedDatabase.EmbeddedDatabaseException;
import java.nio.file.Path;

/**
 * A process of its own that starts the embedded default database on the directory given, prints
 * {@code SERVING <port> <jdbc url>} and serves until its standard input closes; a start that cannot go on prints its
 * one line and exits with 1. For tests of what happens between processes (locks, orphans).
 */
public final class StartEmbedded {

    private StartEmbedded() {
    }

    public static void main(String... args) throws Exception {
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(Path.of(args[0]));
        } catch (EmbeddedDatabaseException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("SERVING " + database.port() + " " + database.jdbcUrl());
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until told to stop
        }
        database.close();
    }

    /** Starts this class in a new JVM on {@code dir}, with its output merged into {@code log}. */
    static Process launch(Path dir, Path log) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), StartEmbedded.class.getName(),
                dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
