package cn.zhibu.privacy.retention;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records of every retained class, written as the capabilities write them (or straight to their tables). */
final class RetentionFixtures {

    private RetentionFixtures() {
    }

    /** A person of the branch with a phone, an external id, a WeChat-bound account and a personal calendar feed. */
    static String person(String branch) {
        Map<String, Object> body = OrgFixtures.personBody("留存" + UUID.randomUUID().toString().substring(0, 4), branch);
        body.put("phone", "13800138000");
        body.put("externalId", "R-" + UUID.randomUUID());
        String person = Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/people").then().statusCode(201).extract().path("id");
        UUID account = UUID.randomUUID();
        Sql.execute("insert into account (id, person_id, username, password_hash, wechat_openid, wechat_unionid, active, "
                + "version, created_at, updated_at) values (?1, ?2, ?3, 'hash', ?4, ?5, true, 0, now(), now())",
                account, UUID.fromString(person), "r" + account.toString().substring(0, 12),
                "o-" + account, "u-" + account);
        Sql.execute("insert into refresh_family (id, account_id, created_at) values (?1, ?1, now())", account);
        Sql.execute("insert into calendar_feed (id, scope, person_id, token_hash, created_by, created_at) "
                + "values (?1, 'PERSON', ?2, ?3, 'test', now())", UUID.randomUUID(), UUID.fromString(person),
                UUID.randomUUID().toString().getBytes());
        return person;
    }

    /** The person left on {@code day}: no longer active, memberships ended. */
    static void left(String person, LocalDate day) {
        Sql.execute("update membership set end_date = ?2 where person_id = ?1 and end_date is null",
                UUID.fromString(person), day);
        Sql.execute("update person set active = false, left_on = ?2 where id = ?1", UUID.fromString(person), day);
    }

    /** An open integrity file of the person (as the integrity capability opens one). */
    static void integrityFile(String person, String branch) {
        Sql.execute("insert into integrity_file (id, person_id, unit_id, opened_reason, review_months, next_review_due, "
                + "state, entry_count, opened_at, updated_at, version) values (?1, ?2, ?3, 'OFFICER', 12, "
                + "date '2027-01-01', 'OPEN', 0, now(), now(), 0)", UUID.randomUUID(), UUID.fromString(person),
                UUID.fromString(branch));
    }

    /** A first opening of the material by the person on a day, at {@code at}. */
    static void opening(String person, String material, LocalDate day, Instant at) {
        Sql.execute("insert into material_opening (person_id, material_id, business_date, opened_at) values "
                + "(?1, ?2, ?3, ?4)", UUID.fromString(person), UUID.fromString(material), day, at);
    }

    /** A check-in with all its evidence, made at {@code at}; CREDITED ones get a ledger entry of their own. */
    static String checkIn(String person, String branch, String material, LocalDate day, String status, Instant at) {
        UUID id = UUID.randomUUID();
        UUID entry = null;
        if (status.equals("CREDITED")) {
            entry = UUID.randomUUID();
            Sql.execute("insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, "
                    + "business_date, iso_week, created_by, created_at) values (?1, ?2, 'CHECK_IN', 1, 'CHECK_IN', "
                    + "cast(?3 as varchar), ?4, ?6, 'test', ?5)", entry, UUID.fromString(person), id, day, at,
                    cn.zhibu.platform.time.IsoWeek.of(day).toString());
        }
        String review = status.equals("REJECTED") ? "'reviewer', cast(?7 as timestamptz), '证据不足'" : "null, null, null";
        String sql = "insert into check_in (id, person_id, branch_id, material_id, business_date, note, "
                + "study_seconds, opened_at, status, flag_reason, ledger_entry_id, reviewed_by, reviewed_at, "
                + "review_reason, created_by, created_at) values (?1, ?2, ?3, ?4, ?5, '学习笔记', 600, ?6, ?8, "
                + (entry == null ? "'BURST', null" : "null, cast('" + entry + "' as uuid)") + ", " + review
                + ", 'test', ?7)";
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery(sql).setParameter(1, id)
                .setParameter(2, UUID.fromString(person)).setParameter(3, UUID.fromString(branch))
                .setParameter(4, UUID.fromString(material)).setParameter(5, day)
                .setParameter(6, at.minusSeconds(900)).setParameter(7, at).setParameter(8, status)
                .executeUpdate());
        return id.toString();
    }

    /** One row of a query, its columns as the driver gives them. */
    static List<Object> row(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = em().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            Object result = query.getSingleResult();
            return result instanceof Object[] columns ? java.util.Arrays.asList(columns) : java.util.Collections
                    .singletonList(result);
        });
    }

    /** Text of one value. */
    static String text(String sql, Object... parameters) {
        Object value = row(sql, parameters).get(0);
        return value == null ? null : value.toString();
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
