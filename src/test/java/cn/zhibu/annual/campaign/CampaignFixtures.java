package cn.zhibu.annual.campaign;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestTime;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Branches, members with their own accounts, and campaign bodies for the campaign tests. */
final class CampaignFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> SCALE = List.of("好", "较好", "一般", "差");

    private CampaignFixtures() {
    }

    /** A branch under a committee of its own. */
    static String branch() {
        return OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
    }

    /** Full party members of the branch. */
    static List<String> members(String branch, int count) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(OrgFixtures.person("评议" + i + UUID.randomUUID().toString().substring(0, 3), branch));
        }
        return people;
    }

    static RequestSpecification secretary(String branch) {
        return Api.as("campaign-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    /** A request by the person's own account (made once), holding these roles on {@code unit} besides MEMBER. */
    static RequestSpecification as(String person, String unit, String... roles) {
        UUID account = UUID.nameUUIDFromBytes(("campaign|" + person).getBytes(StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Instant now = TestTime.now();
            em.createNativeQuery("insert into account (id, person_id, active, version, created_at, updated_at) "
                    + "values (:id, :person, true, 0, :now, :now) on conflict do nothing").setParameter("id", account)
                    .setParameter("person", UUID.fromString(person)).setParameter("now", now).executeUpdate();
            for (String role : roles) {
                em.createNativeQuery("insert into role_grant (id, account_id, role, org_unit_id, granted_by, "
                        + "granted_at) values (:grant, :id, :role, :unit, 'test', :now) on conflict do nothing")
                        .setParameter("grant", UUID.nameUUIDFromBytes((account + role + unit)
                                .getBytes(StandardCharsets.UTF_8)))
                        .setParameter("id", account).setParameter("role", role)
                        .setParameter("unit", UUID.fromString(unit)).setParameter("now", now).executeUpdate();
            }
        });
        return Api.bearer(TestAccounts.tokenForExisting(account));
    }

    /** An instant as a client sends it: in Shanghai time, with its offset. */
    static String at(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(instant.atZone(SHANGHAI).toOffsetDateTime());
    }

    static Map<String, Object> stage(String kind, Instant opensAt, Instant closesAt) {
        return Map.of("kind", kind, "opensAt", at(opensAt), "closesAt", at(closesAt));
    }

    /** A campaign body with stages one after another from {@code start}, each {@code hours} long. */
    static Map<String, Object> body(String unit, String type, Instant start, long... hours) {
        CampaignType campaignType = CampaignType.valueOf(type);
        List<Map<String, Object>> stages = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < campaignType.stages().size(); i++) {
            Instant closes = at.plusSeconds(3600 * hours[i]);
            stages.add(stage(campaignType.stages().get(i).name(), at, closes));
            at = closes;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("year", 2026);
        body.put("type", type);
        body.put("title", "年度评议");
        body.put("scale", SCALE);
        body.put("stages", stages);
        if (campaignType == CampaignType.STAR_SELECTION) {
            body.put("publicityWorkingDays", 1);
        }
        return body;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static Map<String, Object> grade(String grade) {
        return Map.of("grade", grade);
    }
}
