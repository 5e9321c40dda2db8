package cn.zhibu.integrity;

import cn.zhibu.testing.Sql;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Branches, cadres, officers and files for integrity tests. */
public final class IntegrityFixtures {

    private IntegrityFixtures() {
    }

    private static final java.util.Map<String, StudyFixtures.Member> OFFICERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The integrity officer of a branch: a person of the branch with an account of their own (integrity files
     * are handled only by known people, whose recusal can be judged), the same one each time.
     */
    public static RequestSpecification officer(String branch) {
        return OFFICERS.computeIfAbsent(branch, b -> personWithRole(b, Roles.INTEGRITY_OFFICER, b)).api();
    }

    /** Another integrity officer of the branch (a person too), new each time. */
    public static RequestSpecification anotherOfficer(String branch) {
        return personWithRole(branch, Roles.INTEGRITY_OFFICER, branch).api();
    }

    /** A person of the branch with an account of their own, holding this role on {@code unit} too. */
    public static StudyFixtures.Member personWithRole(String branch, String role, String unit) {
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.grant(member, role, unit);
        return member;
    }

    /** A file opened by the branch's officer for a new person of the branch; its id. */
    public static String file(String branch, String personId) {
        return officer(branch).body(Map.of("personId", personId, "reason", "OFFICER")).post("/v1/integrity-files")
                .then().statusCode(201).extract().path("id");
    }

    /** Appends an entry of this content, as the branch's officer; the entry's id. */
    public static String append(String branch, String fileId, Map<String, Object> content) {
        return officer(branch).body(Map.of("content", content)).post("/v1/integrity-files/" + fileId + "/entries")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> profile(String name) {
        return Map.of("type", "PROFILE", "name", name, "idNumber", "11010519800504123X", "birthDate", "1980-05-04",
                "position", "区委组织部副部长", "rank", "二级调研员", "appointedOn", "2024-03-01");
    }

    public static Map<String, Object> family(String relativePersonId) {
        Map<String, Object> spouse = new java.util.HashMap<>(Map.of("relation", "SPOUSE", "name", "王秀英",
                "idNumber", "110105198206061234", "employer", "区第一中学", "position", "教师",
                "businesses", "无"));
        if (relativePersonId != null) {
            spouse.put("personId", relativePersonId);
        }
        return Map.of("type", "FAMILY", "members", List.of(spouse,
                Map.of("relation", "CHILD", "name", "李子轩", "employer", "明远咨询有限公司", "position", "合伙人",
                        "businesses", "持有明远咨询有限公司30%股份")));
    }

    public static Map<String, Object> discipline() {
        return Map.of("type", "DISCIPLINE", "form", "SECOND", "partySanction", "WARNING",
                "facts", "违规接受管理服务对象宴请", "basis", "《中国共产党纪律处分条例》第一百条",
                "decisionNumber", "区纪发〔2026〕12号", "decidedOn", "2026-06-01", "issuingBody", "区纪委");
    }

    public static String branch() {
        return OrgFixtures.unit("BRANCH", null);
    }

    public static String cadre(String branch) {
        return OrgFixtures.person("干部" + UUID.randomUUID().toString().substring(0, 4), branch);
    }

    public static long auditRows(String fileId) {
        return Sql.count("select count(*) from integrity_audit where file_id = ?1", fileId);
    }

    /** A file opened by the branch's officer on the person's appointment as a leading cadre that day; its id. */
    public static String appointed(String branch, String personId, String appointedOn) {
        return officer(branch).body(Map.of("personId", personId, "reason", "APPOINTMENT", "appointedOn", appointedOn))
                .post("/v1/integrity-files").then().statusCode(201).extract().path("id");
    }

    /** A gift a cadre declares (handed in). */
    public static Map<String, Object> gift() {
        return Map.of("type", "GIFT", "givenBy", "某物业服务企业", "receivedOn", "2026-09-30", "place", "办公室",
                "item", "月饼礼盒", "estimatedValueYuan", 680, "handling", "HANDED_IN", "handledOn", "2026-10-08",
                "note", "已上交机关纪委");
    }

    /** Declares a gift as the cadre (whose file is open); the declaration's id, awaiting the unit head. */
    public static String declare(StudyFixtures.Member cadre) {
        return cadre.api().body(Map.of("content", gift())).post("/v1/integrity-declarations")
                .then().statusCode(201).extract().path("id");
    }

    private static final java.util.Map<String, StudyFixtures.Member> UNIT_HEADS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Approves the declaration as a secretary of the branch (the unit head): it now awaits an officer. */
    public static void unitApproves(String branch, String declarationId) {
        UNIT_HEADS.computeIfAbsent(branch, b -> personWithRole(b, Roles.SECRETARY, b)).api()
                .body(Map.of("decision", "APPROVE")).post("/v1/integrity-declarations/" + declarationId + "/review")
                .then().statusCode(200);
    }

    /** One row of the access audit, as written. */
    public record AuditRow(long id, String actorKind, String action, UUID fileId, UUID declarationId,
            String outcome, int status, String reason, String request) {
    }

    /** The id of the latest audit row (0 when there is none). */
    public static long lastAuditId() {
        return Sql.count("select coalesce(max(id), 0) from integrity_audit");
    }

    /** The audit rows written after the one with this id, oldest first. */
    public static List<AuditRow> auditRowsAfter(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Arc.container().instance(EntityManager.class).get().createNativeQuery("select id, "
                    + "actor_kind, action, file_id, declaration_id, outcome, status, reason, request "
                    + "from integrity_audit where id > ?1 "
                    + "order by id").setParameter(1, id).getResultList();
            return rows.stream().map(Object[].class::cast).map(r -> new AuditRow(((Number) r[0]).longValue(),
                    (String) r[1], (String) r[2], (UUID) r[3], (UUID) r[4], (String) r[5],
                    ((Number) r[6]).intValue(), (String) r[7], (String) r[8])).toList();
        });
    }

    public static String token(StudyFixtures.Member member) {
        return TestAccounts.token(UUID.fromString(member.accountId()));
    }
}
