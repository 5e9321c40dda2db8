package cn.zhibu.lecture;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The rows of table {@code notification} of one kind and subject, as the outbox wrote them. */
public record NoticeRows(List<NoticeRows.Row> rows) {

    /** One person's notice. */
    public record Row(String personId, Instant dueAt, Instant withdrawnAt, Map<String, Object> fields, String link) {
    }

    public static NoticeRows of(String kind, String subject) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement s = c.prepareStatement("select person_id::text, due_at, withdrawn_at, fields::text,"
                        + " link from notification where kind = ? and subject = ? order by person_id")) {
            s.setString(1, kind);
            s.setString(2, subject);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), instant(r.getTimestamp(2)), instant(r.getTimestamp(3)),
                            JsonPath.from(r.getString(4)).getMap(""), r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new NoticeRows(rows);
    }

    /** Everyone with a row, withdrawn or not. */
    public Set<String> people() {
        Set<String> people = new TreeSet<>();
        rows.forEach(r -> people.add(r.personId()));
        return people;
    }

    /** The people whose notice stands (not withdrawn). */
    public Set<String> standing() {
        Set<String> people = new TreeSet<>();
        rows.stream().filter(r -> r.withdrawnAt() == null).forEach(r -> people.add(r.personId()));
        return people;
    }

    /** The person's row. */
    public Row of(String personId) {
        return rows.stream().filter(r -> r.personId().equals(personId)).findFirst()
                .orElseThrow(() -> new AssertionError("no notice for " + personId + " in " + rows));
    }

    public int size() {
        return rows.size();
    }

    /** The person's name as stored. */
    public static String name(String personId) {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement s = c.prepareStatement("select name from person where id = ?::uuid")) {
            s.setString(1, personId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
