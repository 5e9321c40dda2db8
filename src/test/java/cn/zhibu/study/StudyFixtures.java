package cn.zhibu.study;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestTime;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** People who sign in as themselves, and study materials, for the study tests. */
public final class StudyFixtures {

    private StudyFixtures() {
    }

    /** A person of a branch (and these party groups or departments of it) with an account of their own. */
    public record Member(String personId, String accountId) {

        /** A request signed in as this person (a fresh token each time). */
        public RequestSpecification api() {
            return Api.bearer(TestAccounts.token(UUID.fromString(accountId)));
        }
    }

    public static Member member(String branch, String... groups) {
        Map<String, Object> body = OrgFixtures.personBody("学员" + UUID.randomUUID().toString().substring(0, 4), branch);
        body.put("groupIds", List.of(groups));
        String person = Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/people").then().statusCode(201).extract().path("id");
        UUID account = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Instant now = TestTime.now();
            em.createNativeQuery("insert into account (id, person_id, active, version, created_at, updated_at) "
                    + "values (:id, :person, true, 0, :now, :now)").setParameter("id", account)
                    .setParameter("person", UUID.fromString(person)).setParameter("now", now).executeUpdate();
            em.createNativeQuery("insert into refresh_family (id, account_id, created_at) values (:id, :id, :now)")
                    .setParameter("id", account).setParameter("now", now).executeUpdate();
        });
        return new Member(person, account.toString());
    }

    /** Grants the member's own account a role on a unit (a secretary who is also a member of the branch). */
    public static void grant(Member member, String role, String unit) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("insert into role_grant (id, account_id, role, org_unit_id, granted_by, granted_at) "
                        + "values (:id, :account, :role, :unit, 'test', now())")
                .setParameter("id", UUID.randomUUID()).setParameter("account", UUID.fromString(member.accountId()))
                .setParameter("role", role).setParameter("unit", UUID.fromString(unit)).executeUpdate());
    }

    /** A body of an article for the unit, open from an hour ago on the service's clock, with no minimum study time. */
    public static Map<String, Object> materialBody(String unit) {
        return materialBody(unit, TestTime.now());
    }

    /** The same, open from an hour before {@code now} (the clock of a service running as a process of its own). */
    public static Map<String, Object> materialBody(String unit, Instant now) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("kind", "ARTICLE");
        body.put("title", "学习资料" + UUID.randomUUID().toString().substring(0, 6));
        body.put("summary", "要点解读。\n第二行。");
        body.put("url", "https://www.12371.cn/2026/11/28/ARTI" + UUID.randomUUID().toString().substring(0, 8) + ".shtml");
        body.put("tags", List.of("党史", "理论"));
        body.put("minStudySeconds", 0);
        body.put("publishFrom", now.minusSeconds(3600).toString());
        return body;
    }

    /** A scoring rule of a unit from 2020 (tests credit past days too), written straight to the database. */
    public static void rule(String unit, String activityType, int points, Integer dailyCap, Integer weeklyCap) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("insert into scoring_rule (id, org_unit_id, activity_type, version, effective_from, "
                        + "points, daily_cap, weekly_cap, created_by, created_at) values (:id, :unit, :type, 1, "
                        + "date '2020-01-01', :points, " + dailyCap + ", " + weeklyCap + ", 'test', now())")
                .setParameter("id", UUID.randomUUID()).setParameter("unit", UUID.fromString(unit))
                .setParameter("type", activityType).setParameter("points", points).executeUpdate());
    }

    /** A material made by an org admin. */
    public static String material(Map<String, Object> body) {
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/study-materials").then().statusCode(201).extract().path("id");
    }

    public static String material(String unit) {
        return material(materialBody(unit));
    }
}
