package cn.zhibu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks of figures' answers against the plain counts, and against subtraction. */
final class StatsChecks {

    private StatsChecks() {
    }

    /**
     * Every figure shown equals the plain count, every figure the plain count suppresses is suppressed; answers the
     * number of figures suppressed besides (so that no subtraction gives a suppressed one away).
     */
    static int agree(Map<String, String> naive, Map<String, String> actual, String what) {
        assertEquals(naive.keySet(), actual.keySet(), what);
        int secondary = 0;
        for (String key : naive.keySet()) {
            String expected = naive.get(key);
            String got = actual.get(key);
            String cell = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key;
            if (String.valueOf(got).startsWith("FEWER_THAN") && !String.valueOf(expected).startsWith("FEWER_THAN")) {
                secondary++;
            } else if (String.valueOf(actual.get(cell + ".suppressed")).startsWith("FEWER_THAN")
                    && !String.valueOf(naive.get(cell + ".suppressed")).startsWith("FEWER_THAN")) {
                assertEquals("null", String.valueOf(got), what + ": " + key + " of a hidden distribution");
            } else {
                assertEquals(expected, got, what + ": " + key);
            }
        }
        return secondary;
    }

    /**
     * In a members answer with children: a unit's people less its shown categories, and the committee's count less
     * its children's shown counts, leave no one or at least five people over.
     */
    static void nothingComesBackBySubtraction(JsonPath answer) {
        List<Map<String, String>> units = new ArrayList<>();
        units.add(StatsNaive.flatten(answer.get("figures"), "", new TreeMap<>()));
        for (int i = 0; i < answer.getList("children").size(); i++) {
            units.add(StatsNaive.flatten(answer.get("children[" + i + "].figures"), "", new TreeMap<>()));
        }
        for (Map<String, String> unit : units) {
            for (String prefix : List.of("byPoliticalStatus.", "byGender.", "byAgeBand.")) {
                if (!unit.get("people").startsWith("FEWER")) {
                    long left = count(unit.get("people"));
                    for (Map.Entry<String, String> e : unit.entrySet()) {
                        left -= e.getKey().startsWith(prefix) && !e.getValue().startsWith("FEWER") ? count(e.getValue())
                                : 0;
                    }
                    assertTrue(left == 0 || left >= 5, prefix + " leaves " + left);
                }
            }
        }
        units.get(0).forEach((key, value) -> {
            if (!value.startsWith("FEWER")) {
                long left = count(value);
                for (Map<String, String> child : units.subList(1, units.size())) {
                    left -= child.get(key).startsWith("FEWER") ? 0 : count(child.get(key));
                }
                assertTrue(left == 0 || left >= 5, key + ": the children leave " + left);
            }
        });
    }

    private static long count(String figure) {
        return new BigDecimal(figure).longValueExact();
    }

    /** The figures of an area from FROM to TO of {@link StatsApiTest}, with its children or not; the body kept. */
    static JsonPath figures(RequestSpecification caller, String unit, String area, boolean children,
            List<String> bodies) {
        Response response = caller.queryParam("from", StatsApiTest.FROM.toString()).queryParam("to",
                StatsApiTest.TO.toString()).queryParam("children", children).get("/v1/stats/org-units/" + unit + "/"
                + area);
        response.then().statusCode(200);
        bodies.add(response.asString());
        return new JsonPath(response.asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static Map<String, String> flat(Object figures) {
        return StatsNaive.flatten(figures, "", new TreeMap<>());
    }
}
