package cn.zhibu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every migration from {@value #FIRST_CHECKED} on can run while the previous release serves (operations.md,
 * "Migrations"): it bounds its lock waits, builds indexes concurrently (in a file of their own, which Flyway runs
 * outside a transaction), adds constraints NOT VALID (validated in a later statement, under a lighter lock), never
 * rewrites a table by changing a column's type, and adds columns that the previous release's inserts can leave out.
 * <p>
 * A file that builds indexes CONCURRENTLY says so to Flyway in its script configuration beside it
 * ({@code V49__x.sql.conf} holding {@code executeInTransaction=false}): PostgreSQL refuses CONCURRENTLY inside a
 * transaction, and Flyway refuses a file mixing it with a transactional statement (its SET lock_timeout) unless the
 * file's configuration decides. Flyway reads that file at run time and Quarkus lists it with the migrations at build
 * time (both are held to it by the tests that migrate: NewestMigrationTest, and every test that starts the service).
 */
class MigrationDisciplineTest {

    /** The first migration held to these rules (older ones were written before them and are never edited). */
    static final int FIRST_CHECKED = 26;
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

    static List<Path> checked() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> {
                Matcher m = VERSION.matcher(f.getFileName().toString());
                return m.matches() && Integer.parseInt(m.group(1)) >= FIRST_CHECKED;
            }).sorted().toList();
        }
    }

    /** The statements of a migration, lower case, comments and dollar-quoted bodies left out. */
    static List<String> statements(Path file) throws IOException {
        String sql = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)\\$\\$.*?\\$\\$", "\\$\\$\\$\\$")
                .replaceAll("--[^\\n]*", "").toLowerCase(Locale.ROOT);
        List<String> statements = new ArrayList<>();
        for (String statement : sql.split(";")) {
            String s = statement.strip().replaceAll("\\s+", " ");
            if (!s.isEmpty()) {
                statements.add(s);
            }
        }
        return statements;
    }

    @Test
    void newMigrationsCanRunWhileThePreviousReleaseServes() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : checked()) {
            List<String> statements = statements(file);
            problems.addAll(problems(file.getFileName().toString(), statements));
            problems.addAll(configurationProblems(file, statements));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What is wrong with a migration's statements. */
    static List<String> problems(String name, List<String> statements) {
        List<String> problems = new ArrayList<>();
        {
            if (statements.isEmpty() || !statements.get(0).matches("set (local )?lock_timeout\\s*(=|to).*")) {
                problems.add(name + ": does not start with SET lock_timeout (a migration waiting for a lock makes "
                        + "every query behind it wait too)");
            }
            boolean concurrent = statements.stream().anyMatch(s -> s.contains(" concurrently"));
            // a table made in this very file has no reader or writer yet: its indexes lock nobody
            List<String> made = statements.stream().filter(s -> s.startsWith("create table "))
                    .map(s -> s.split(" ")[2]).toList();
            for (String s : statements) {
                if (s.matches("create (unique )?index (?!concurrently).*")
                        && made.stream().noneMatch(t -> s.matches(".* on " + t + " ?\\(.*"))) {
                    problems.add(name + ": " + s + ": an index is built CONCURRENTLY (it would lock writes)");
                }
                if (concurrent && !s.startsWith("set ") && !s.contains(" concurrently")) {
                    problems.add(name + ": " + s + ": a file with CONCURRENTLY holds nothing else (it runs outside "
                            + "a transaction)");
                }
                if (s.matches("alter table .* add (constraint \\S+ )?(foreign key|check|unique|primary key).*")
                        && !s.contains("not valid") && !s.contains(" using index ")) {
                    problems.add(name + ": " + s + ": a constraint on an existing table is added NOT VALID, then "
                            + "validated (or, unique, built on an index made CONCURRENTLY)");
                }
                if (s.matches("alter table .* alter column \\S+ (set data )?type .*")) {
                    problems.add(name + ": " + s + ": changing a column's type rewrites the table under an exclusive "
                            + "lock; add a new column and move to it");
                }
                if (s.matches("alter table .* add column .* not null.*") && !s.contains(" default ")) {
                    problems.add(name + ": " + s + ": a NOT NULL column needs a default, or the previous release's "
                            + "inserts fail");
                }
                if (s.matches("alter table .* (rename|drop column) .*") || s.matches("drop table .*")) {
                    problems.add(name + ": " + s + ": the previous release still reads it; drop or rename only what "
                            + "no serving release uses (a later release: expand, then contract)");
                }
            }
        }
        return problems;
    }

    /** A file with CONCURRENTLY runs outside a transaction by its own script configuration, and only such a file. */
    static List<String> configurationProblems(Path file, List<String> statements) throws IOException {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        boolean concurrent = statements.stream().anyMatch(s -> s.contains(" concurrently"));
        boolean outside = Files.exists(conf) && Files.readAllLines(conf, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll("\\s", "")).anyMatch("executeInTransaction=false"::equals);
        if (concurrent && !outside) {
            return List.of(file.getFileName() + ": builds CONCURRENTLY but has no " + conf.getFileName()
                    + " with executeInTransaction=false (Flyway refuses the file, or PostgreSQL the statement)");
        }
        if (!concurrent && Files.exists(conf)) {
            return List.of(conf.getFileName() + ": only a file building indexes CONCURRENTLY runs outside a "
                    + "transaction (any other migration is all or nothing)");
        }
        return List.of();
    }

    @Test
    void theRulesCatchWhatTheyAreFor() throws IOException {
        Path bad = Files.createTempFile("V99__bad", ".sql");
        try {
            Files.writeString(bad, "create index x on t (a);\nalter table t add constraint c check (a > 0);\n"
                    + "alter table t alter column a type bigint;\nalter table t add column b int not null;\n"
                    + "alter table t drop column c;\n");
            List<String> problems = problems("V99__bad.sql", statements(bad));
            assertTrue(problems.size() == 6 && problems.get(0).contains("lock_timeout"), String.join("\n", problems));
            Files.writeString(bad, "set lock_timeout = '5s';\n-- an index; and a comment\n"
                    + "create index concurrently if not exists x on t (a);\n");
            assertTrue(problems("V99__good.sql", statements(bad)).isEmpty());
            assertEquals(1, configurationProblems(bad, statements(bad)).size());
            Files.writeString(bad.resolveSibling(bad.getFileName() + ".conf"), "executeInTransaction = false\n");
            assertTrue(configurationProblems(bad, statements(bad)).isEmpty());
            Files.writeString(bad, "set lock_timeout = '5s';\ncreate table t (a int);\n");
            assertEquals(1, configurationProblems(bad, statements(bad)).size());
        } finally {
            Files.deleteIfExists(bad.resolveSibling(bad.getFileName() + ".conf"));
            Files.delete(bad);
        }
    }
}
