package cn.zhibu.points.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.points.PointsFixtures.today;
import static cn.zhibu.testing.OrgFixtures.unit;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.testing.Api;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import cn.zhibu.testing.Sql;

/** What the tests of points imports share: a committee with two branches, three people, import rules, requests. */
abstract class PointsImportTests {

    static final String IMPORTS = "/v1/points/imports";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final Charset GB18030 = Charset.forName("GB18030");

    @Inject
    AgroalDataSource dataSource;

    String tag;
    String branch;
    String otherBranch;
    String zhang;
    String li;
    String stranger;

    @BeforeEach
    void tree() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        String committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        otherBranch = unit("BRANCH", committee);
        zhang = PointsFixtures.person("张三", "HR-" + tag + "-1", branch);
        li = PointsFixtures.person("李四", "HR-" + tag + "-2", branch);
        stranger = PointsFixtures.person("王五", "HR-" + tag + "-9", otherBranch);
        rule(branch, ActivityType.EXTERNAL_IMPORT, today().minusYears(2), 1, null, 30);
        rule(otherBranch, ActivityType.EXTERNAL_IMPORT, today().minusYears(2), 1, null, null);
    }

    RequestSpecification secretary() {
        return Api.as("import-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static Map<String, Object> item(String externalId, String personKey, String person, int points, LocalDate date) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", externalId);
        item.put(personKey, person);
        item.put("points", points);
        item.put("date", date.toString());
        item.put("reason", "学习强国积分");
        return item;
    }

    static Response json(RequestSpecification as, List<Map<String, Object>> items) {
        return as.header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("items", items)).post(IMPORTS);
    }

    static Response csv(RequestSpecification as, byte[] file, String contentType) {
        return as.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).header("Idempotency-Key", UUID.randomUUID().toString()).body(file)
                .post(IMPORTS);
    }

    static byte[] bytes(Charset charset, boolean bom, String... lines) {
        byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
        if (!bom) {
            return text;
        }
        byte[] file = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(text, 0, file, BOM.length, text.length);
        return file;
    }

    int sum(String person) throws Exception {
        return (int) Sql.count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?", UUID.fromString(person));
    }

    int imported(String prefix) throws Exception {
        return (int) Sql.count("select count(*) from ledger_entry where source_type = 'EXTERNAL_IMPORT' and source_id like ?",
                prefix + "%");
    }
}
