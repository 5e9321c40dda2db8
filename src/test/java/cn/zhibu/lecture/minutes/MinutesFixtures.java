package cn.zhibu.lecture.minutes;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Branches with members, held sessions, minutes bodies and real files for the minutes tests. */
public final class MinutesFixtures {

    private MinutesFixtures() {
    }

    /** A branch, its members and a session of it. */
    public record Setting(String branch, List<String> members, String day) {

        public String minutes() {
            return "/v1/party-days/" + day + "/minutes";
        }

        public String attachments() {
            return "/v1/party-days/" + day + "/attachments";
        }
    }

    public static RequestSpecification secretary(String branch) {
        return Api.as("minutes-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    public static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    /** A new branch with three members and a session that started ten minutes ago, held if {@code held}. */
    public static Setting setting(boolean held) {
        String branch = OrgFixtures.unit("BRANCH", null);
        List<String> members = List.of(StudyFixtures.member(branch).personId(),
                StudyFixtures.member(branch).personId(), StudyFixtures.member(branch).personId());
        return new Setting(branch, members, session(branch, held));
    }

    /** A session of the branch that started ten minutes ago, held if {@code held}. */
    public static String session(String branch, boolean held) {
        Instant startsAt = TestTime.now().minus(Duration.ofMinutes(10));
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", "BRANCH_COMMITTEE");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("theme", "支委会：研究季度工作");
        JsonPath day = admin().body(body).post("/v1/party-days").then().statusCode(201).extract().jsonPath();
        if (held) {
            admin().header("If-Match", "\"" + day.getLong("version") + "\"")
                    .post("/v1/party-days/" + day.getString("id") + "/held").then().statusCode(200);
        }
        return day.getString("id");
    }

    /** Minutes with the first member hosting, the second recording and the third owning a resolution. */
    public static Map<String, Object> minutes(List<String> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("hostId", members.get(0));
        body.put("recorderId", members.get(1));
        body.put("topics", List.of("传达学习上级会议精神", "研究发展党员工作"));
        body.put("resolutions", List.of(Map.of("text", "各党小组月底前完成专题学习", "ownerId", members.get(2),
                "dueOn", LocalDate.of(2027, 4, 30).toString())));
        body.put("notes", "会议由支部书记主持。");
        return body;
    }

    /** Writes the minutes of a setting at version 0 and answers the new ETag. */
    public static String write(Setting s) {
        return secretary(s.branch()).header("If-Match", "\"0\"").body(minutes(s.members())).put(s.minutes()).then()
                .statusCode(200).extract().header("ETag");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    public static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 6; y++) {
                image.setRGB(x, y, x < 3 && y < 3 ? 0xFFDE00 : 0xDE2910);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF with some text. */
    public static byte[] pdf() {
        return pdf("");
    }

    /** A one-page PDF, with these bytes in a comment before its end. */
    public static byte[] pdf(String extra) {
        String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n" + extra
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The file upload request of a setting. */
    public static RequestSpecification upload(RequestSpecification caller, String type, byte[] bytes, String purpose,
            String name) {
        RequestSpecification r = caller.contentType(type).body(bytes).queryParam("purpose", purpose);
        return name == null ? r : r.queryParam("fileName", name);
    }
}
