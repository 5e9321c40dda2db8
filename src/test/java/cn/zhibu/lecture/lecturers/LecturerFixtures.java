package cn.zhibu.lecture.lecturers;

import cn.zhibu.lecture.orglife.OrgLifeFixtures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sessions and lecturers for the lecturer tests (sessions are made as {@link OrgLifeFixtures} writes them). */
public final class LecturerFixtures {

    private LecturerFixtures() {
    }

    /** A new session of the branch of this kind, starting this far from now: its id. */
    public static String lecture(String branch, String kind, Duration startsIn) {
        Map<String, Object> body = OrgLifeFixtures.sessionBody(branch, kind, startsIn);
        body.put("theme", "专题党课");
        body.put("place", "中山舰博物馆");
        return OrgLifeFixtures.admin().body(body).post("/v1/party-days").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> person(String personId, String topic) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("topic", topic);
        body.put("materials", List.of("https://www.12371.cn/a.shtml"));
        return body;
    }

    public static Map<String, Object> guest(String name, String topic) {
        Map<String, Object> body = new HashMap<>();
        Map<String, Object> guest = new HashMap<>();
        guest.put("name", name);
        guest.put("title", "教授");
        guest.put("organisation", "武汉大学马克思主义学院");
        body.put("guest", guest);
        body.put("topic", topic);
        return body;
    }
}
