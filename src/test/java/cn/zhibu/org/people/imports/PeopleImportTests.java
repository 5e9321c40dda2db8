package cn.zhibu.org.people.imports;

import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.org.people.imports.ImportFiles.IMPORTS;
import static cn.zhibu.org.people.imports.ImportFiles.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** What the tests of people imports share: two branches with a group and a department, files, requests, reads. */
abstract class PeopleImportTests {

    @Inject
    AgroalDataSource dataSource;

    String tag;
    String branchName;
    String branch;
    String group;
    String department;
    String otherBranchName;
    String otherBranch;
    String otherGroup;

    /** Every request of this test: the callers the authorisation mechanism knows (no roles: anonymous). */
    static RequestSpecification caller(String... roles) {
        return roles.length == 0 ? Api.anonymous() : Api.as("importer", roles);
    }

    static RequestSpecification admin() {
        return caller(Roles.ORG_ADMIN);
    }

    /** The Authorization header of {@link #admin()}, for the one request rest-assured cannot make. */
    static String adminAuthorization() {
        return "Bearer " + Api.token("importer", Roles.ORG_ADMIN);
    }

    @BeforeEach
    void tree() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        String committee = unit("COMMITTEE", "党委" + tag, null);
        branchName = "支部" + tag;
        branch = unit("BRANCH", branchName, committee);
        group = unit("PARTY_GROUP", "第一党小组", branch);
        department = unit("DEPARTMENT", "办公室", branch);
        otherBranchName = "另一支部" + tag;
        otherBranch = unit("BRANCH", otherBranchName, committee);
        otherGroup = unit("PARTY_GROUP", "第一党小组", otherBranch);
    }


    String id(String n) {
        return "T" + tag + "-" + n;
    }

    Map<String, Object> run(byte[] file, String contentType, String dryRun) {
        Response accepted = upload(admin(), file, contentType, dryRun);
        accepted.then().statusCode(202).header("Location", containsString(IMPORTS + "/"))
                .body("state", equalTo("QUEUED"));
        return ImportFiles.finished(PeopleImportsApiTest::admin, accepted.header("Location"), job -> { });
    }

    List<Map<String, Object>> errors(Object importId, String language) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = admin().header("Accept-Language", language).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(IMPORTS + "/" + importId + "/errors");
            page.then().statusCode(200);
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return all;
    }

    static List<String> lineColumnCodes(List<Map<String, Object>> errors) {
        return errors.stream().map(e -> e.get("line") + " " + e.get("column") + " " + e.get("code")).toList();
    }

    Map<String, Object> stored(String externalId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select p.id, p.name, p.gender, p.political_status, p.job_title, p.leading_cadre, p.version,
                            p.updated_at, p.party_join_date, p.phone_cipher is not null
                     from person p where p.external_id = ?""")) {
            s.setString(1, externalId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Map<String, Object> person = new HashMap<>();
                person.put("id", r.getObject(1).toString());
                person.put("name", r.getString(2));
                person.put("gender", r.getString(3));
                person.put("politicalStatus", r.getString(4));
                person.put("jobTitle", r.getString(5));
                person.put("leadingCadre", r.getBoolean(6));
                person.put("version", r.getLong(7));
                person.put("updatedAt", r.getTimestamp(8).toInstant().toString());
                person.put("partyJoinDate", String.valueOf(r.getObject(9)));
                person.put("hasPhone", r.getBoolean(10));
                return person;
            }
        }
    }

    List<String> unitsOf(String personId) {
        Response person = admin().get("/v1/people/" + personId);
        List<String> units = new ArrayList<>();
        units.add(person.path("branchId"));
        units.addAll(person.path("groupIds"));
        return units;
    }
}
