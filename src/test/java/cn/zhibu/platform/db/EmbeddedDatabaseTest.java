package cn.zhibu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded default database keeps its data across a stop and a start. */
class EmbeddedDatabaseTest {

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
