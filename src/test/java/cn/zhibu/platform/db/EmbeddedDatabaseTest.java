package cn.zhibu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Await;
import cn.zhibu.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embedded default database keeps its data across a stop and a start, flushes its commits, starts again by itself
 * after the process that started it was killed, and serves one process at a time.
 */
class EmbeddedDatabaseTest {

    @Test
    void theDefaultFlushesEveryCommitAndTheThrowawayDoesNot() throws Exception {
        Path root = Files.createTempDirectory("zhibu-embedded");
        try {
            try (EmbeddedDatabase db = EmbeddedDatabase.start(root.resolve("durable"))) {
                assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), show(db));
                assertTrue(Files.size(root.resolve("durable").resolve(EmbeddedDatabase.SERVER_LOG)) > 0,
                        "the server's own output is in the data directory");
            }
            try (EmbeddedDatabase db = EmbeddedDatabase.startThrowaway(root.resolve("throwaway"))) {
                assertEquals(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"), show(db));
            }
        } finally {
            TestFiles.deleteTree(root);
        }
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedAndTheStartGoesOn() throws Exception {
        Path root = Files.createTempDirectory("zhibu-embedded");
        Path dir = root.resolve("pg");
        Process first = StartEmbedded.launch(dir, root.resolve("first.log"));
        try {
            String url = awaitServing(first, root.resolve("first.log")).split(" ")[2];
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('kill -9')");
            }
            first.destroyForcibly().waitFor();
            long orphan = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle left = ProcessHandle.of(orphan).orElseThrow();
            assertTrue(left.isAlive(), "PostgreSQL outlives the killed process that started it");

            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
                 Connection c = connect(db.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select note from kept")) {
                assertFalse(left.isAlive(), "the server left running was stopped");
                assertTrue(r.next());
                assertEquals("kill -9", r.getString(1));
            }
        } finally {
            first.destroyForcibly();
            TestFiles.deleteTree(root);
        }
    }

    @Test
    void twoProcessesStartingOnOneEmptyDirectoryAtOnceOneServesTheOtherSaysWhy() throws Exception {
        Path root = Files.createTempDirectory("zhibu-embedded");
        Path dir = root.resolve("pg");
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                processes.add(StartEmbedded.launch(dir, root.resolve(i + ".log")));
            }
            int[] outcome = {-1, -1}; // the process serving, the process that exited
            Await.until("one process serves and the other exited", Duration.ofMinutes(2), () -> {
                for (int i = 0; i < 2; i++) {
                    String out = Files.readString(root.resolve(i + ".log"));
                    if (out.contains("SERVING ")) {
                        assertTrue(outcome[0] < 0 || outcome[0] == i, "two serve:\n" + out);
                        outcome[0] = i;
                    } else if (!processes.get(i).isAlive()) {
                        outcome[1] = i;
                    }
                }
                return outcome[0] >= 0 && outcome[1] >= 0;
            });
            int serving = outcome[0];
            int refused = outcome[1];
            assertTrue(serving >= 0 && refused >= 0 && serving != refused, "one serves, one exits");
            assertEquals(1, processes.get(refused).exitValue());
            List<String> said = Files.readAllLines(root.resolve(refused + ".log"));
            assertEquals(List.of("ERROR The embedded PostgreSQL data directory " + dir.toAbsolutePath()
                    + " is in use by another zhibu process (pid " + processes.get(serving).pid()
                    + "); stop it or set zhibu.embedded-db.dir"), said, "one line that says what to do");
            String url = Files.readString(root.resolve(serving + ".log")).lines()
                    .filter(l -> l.startsWith("SERVING ")).findFirst().orElseThrow().split(" ")[2];
            try (Connection c = connect(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select 1")) {
                assertTrue(r.next());
            }
            processes.get(serving).getOutputStream().close(); // stops cleanly
            assertEquals(0, processes.get(serving).waitFor());
            assertFalse(Files.exists(dir.resolve("postmaster.pid")), "stopped cleanly");
        } finally {
            processes.forEach(Process::destroyForcibly);
            TestFiles.deleteTree(root);
        }
    }

    private static Map<String, String> show(EmbeddedDatabase db) throws SQLException {
        Map<String, String> seen = new HashMap<>();
        try (Connection c = connect(db.jdbcUrl()); Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet r = s.executeQuery("show " + name)) {
                    r.next();
                    seen.put(name, r.getString(1));
                }
            }
        }
        return seen;
    }

    private static String awaitServing(Process process, Path log) throws Exception {
        return Await.value("serving", Duration.ofMinutes(2), () -> {
            Optional<String> line = Files.readString(log).lines().filter(l -> l.startsWith("SERVING ")).findFirst();
            if (line.isEmpty() && !process.isAlive()) {
                throw new IllegalStateException("the process ended:\n" + Files.readString(log));
            }
            return line.orElse(null);
        }, java.util.Objects::nonNull, () -> {
            try {
                return "\n" + Files.readString(log) + (process.isAlive() ? threads(process) : "");
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
    }

    /** What a process that says nothing is doing: its threads, as jcmd prints them. */
    private static String threads(Process process) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return "\nthreads of the silent process:\n" + dump;
        } catch (java.io.IOException e) {
            return "\n(no thread dump: " + e + ")";
        }
    }

    @Test
    void dataSurvivesAStopAndAStart() throws Exception {
        Path root = Files.createTempDirectory("zhibu-embedded");
        Path dir = root.resolve("data").resolve("postgres");
        try {
            String firstUrl;
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir)) {
                firstUrl = db.jdbcUrl();
                try (Connection c = connect(db.jdbcUrl()); Statement s = c.createStatement()) {
                    s.execute("create table kept (note text)");
                    s.execute("insert into kept values ('学习打卡')");
                }
            }
            assertTrue(Files.exists(dir.resolve("PG_VERSION")), "the data directory stays after a stop");
            assertThrows(SQLException.class, () -> connect(firstUrl).close(), "the server is stopped");
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
                 Connection c = connect(db.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select note from kept")) {
                assertTrue(r.next());
                assertEquals("学习打卡", r.getString(1));
                assertFalse(r.next());
            }
        } finally {
            TestFiles.deleteTree(root);
        }
    }

    @Test
    void aConfiguredUrlMeansNoEmbeddedServer() {
        System.setProperty(DefaultDatabase.URL_PROPERTY, "jdbc:postgresql://db.example:5432/zhibu");
        try {
            DefaultDatabase.startUnlessConfigured();
            assertEquals("jdbc:postgresql://db.example:5432/zhibu", System.getProperty(DefaultDatabase.URL_PROPERTY));
            assertEquals("jdbc:postgresql://db.example:5432/zhibu",
                    DefaultDatabase.settings().getValue(DefaultDatabase.URL_PROPERTY, String.class));
        } finally {
            System.clearProperty(DefaultDatabase.URL_PROPERTY);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
    }

    @Test
    void settingsAreReadFromTheEnvironmentFileToo() throws Exception {
        Path env = Path.of(".env");
        if (Files.exists(env)) {
            return; // a developer's own .env: leave it alone
        }
        Files.writeString(env, "ZHIBU_EMBEDDED_DB_DIR=/srv/zhibu/pg\n");
        try {
            assertEquals("/srv/zhibu/pg", DefaultDatabase.settings().getValue(DefaultDatabase.DIR_PROPERTY, String.class));
        } finally {
            Files.delete(env);
        }
    }
}
