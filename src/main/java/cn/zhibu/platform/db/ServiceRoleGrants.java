package cn.zhibu.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After every migration, the owner gives the service's role what it needs and nothing more
 * ({@code db/roles/service-role.sql}): rows of every table, append-only tables only to insert and read, no DDL, no
 * TRUNCATE, no trigger changes (those need the owner).
 */
final class ServiceRoleGrants extends BaseCallback {

    static final String SCRIPT = "db/roles/service-role.sql";

    private final String role;

    ServiceRoleGrants(String role) {
        this.role = role;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(role)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not grant the service's role " + role + " its rights: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "service role grants";
    }

    /** The script's statements for this role. */
    static List<String> statements(String role) {
        String quoted = '"' + role.replace("\"", "\"\"") + '"';
        String script;
        try (InputStream in = ServiceRoleGrants.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replace(":role", quoted)).toList();
    }
}
