package cn.zhibu.integrity.declaration;

import cn.zhibu.testing.Sql;
import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Cadres with files, their declarations and their reviewers, for declaration tests. */
final class DeclarationFixtures {

    private DeclarationFixtures() {
    }

    /** A branch with a cadre (an own account) whose file is open. */
    record Cadre(String branch, StudyFixtures.Member member, String fileId) {

        RequestSpecification api() {
            return member.api();
        }

        String personId() {
            return member.personId();
        }
    }

    static Cadre cadre() {
        String branch = IntegrityFixtures.branch();
        return cadre(branch, StudyFixtures.member(branch));
    }

    static Cadre cadre(String branch, StudyFixtures.Member member) {
        return new Cadre(branch, member, IntegrityFixtures.file(branch, member.personId()));
    }

    private static final java.util.Map<String, cn.zhibu.study.StudyFixtures.Member> SECRETARIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A secretary of the branch (a person of it with an own account): the unit head who reviews first. */
    static RequestSpecification secretary(String branch) {
        return secretary(branch, "secretary-");
    }

    /** The secretary of the branch known by this name (the same person each time). */
    static RequestSpecification secretary(String branch, String name) {
        return SECRETARIES.computeIfAbsent(name + branch,
                key -> IntegrityFixtures.personWithRole(branch, Roles.SECRETARY, branch)).api();
    }

    static RequestSpecification officer(String branch) {
        return IntegrityFixtures.officer(branch);
    }

    /** A personal matters report for a year, with a dwelling at this address. */
    static Map<String, Object> report(int year, String address) {
        return Map.of("type", "PERSONAL_MATTERS", "year", year, "marriageChanges", "无",
                "housing", List.of(Map.of("address", address, "areaSquareMetres", 98.5, "source", "购买商品房",
                        "owner", "本人、配偶共有")),
                "investments", List.of(Map.of("kind", "FUND", "description", "华夏成长混合基金", "valueYuan", 50000,
                        "holder", "配偶")),
                "travelAbroad", List.of(Map.of("destination", "日本东京", "from", year + "-07-01",
                        "to", year + "-07-08", "purpose", "探亲")),
                "familyBusinesses", "无");
    }

    static Map<String, Object> gift() {
        return Map.of("type", "GIFT", "givenBy", "某物业服务企业", "receivedOn", "2026-09-30", "place", "办公室",
                "item", "月饼礼盒", "estimatedValueYuan", 680, "handling", "HANDED_IN", "handledOn", "2026-10-08",
                "note", "已上交机关纪委");
    }

    /** Submits as the cadre; the declaration's id. */
    static String submit(Cadre cadre, Map<String, Object> content) {
        return cadre.api().body(Map.of("content", content)).post("/v1/integrity-declarations")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> approve() {
        return Map.of("decision", "APPROVE");
    }

    static Map<String, Object> giveBack(String note) {
        return Map.of("decision", "RETURN", "note", note);
    }

    static String review(String id) {
        return "/v1/integrity-declarations/" + id + "/review";
    }

    /** Audit rows naming the declaration. */
    static long auditRows(String declarationId) {
        return Sql.count("select count(*) from integrity_audit where declaration_id = ?1", declarationId);
    }
}
