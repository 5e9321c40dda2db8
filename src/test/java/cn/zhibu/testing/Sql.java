package cn.zhibu.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plain SQL for tests: {@link #count} and {@link #execute} through the service's own connection (in-process tests,
 * each in a transaction of its own, as the service's database role); {@link #single} and {@link #rows} on a
 * connection of the caller's (tests that look at the database behind a service running in another process).
 */
public final class Sql {

    private Sql() {
    }

    /** A number read from the database (positional parameters ?1, ?2, ...; text that is a uuid binds as one). */
    public static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) query(sql, parameters).getSingleResult()).longValue());
    }

    /** A change made in SQL, in its own transaction, as the service's database role (positional parameters). */
    public static int execute(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, parameters).executeUpdate());
    }

    private static Query query(String sql, Object... parameters) {
        Query query = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            query.setParameter(i + 1, value instanceof String text && text.length() == 36 && text.charAt(8) == '-'
                    ? UUID.fromString(text) : value);
        }
        return query;
    }

    /** The first column of the first row, as a number; closes the connection. */
    public static long single(Connection connection, String sql) throws SQLException {
        try (Connection c = connection; Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first column of every row, as text; closes the connection. */
    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = connection; Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }
}
