package cn.zhibu.platform.fuzz;

import cn.zhibu.testing.ContractOperations.ContractOperation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Bad query parameters (wrong types, out of range, unknown enum values, 5,000 chars, NUL, forged cursors), bad path
 * parameters (not a UUID, 5,000 chars, NUL), bad headers (If-Match, Idempotency-Key) and a long URI.
 */
@SuppressWarnings("rawtypes")
final class RequestMutations {

    static final String LONG_URI = "uri: 10,000 chars of query string";
    static final String FRESH_KEY = "<a fresh key>";

    /** Cursors that are not the service's own: made once for the run by the fixtures. */
    record Cursors(String tampered, String otherList) {
    }

    private final Random random;
    private final Cursors cursors;

    RequestMutations(Random random, Cursors cursors) {
        this.random = random;
        this.cursors = cursors;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    List<FuzzRequest> of(ContractOperation op, FuzzRequest base, java.util.function.Function<Parameter, String> path) {
        List<FuzzRequest> out = new ArrayList<>();
        op.in("query").forEach(p -> out.addAll(query(base, p)));
        op.in("path").forEach(p -> out.addAll(path(op, base, p, path)));
        out.addAll(headers(op, base));
        out.add(base.withQuery(join(base.query(), "x=" + "a".repeat(10_000))).as(LONG_URI, "", false));
        return out;
    }

    private List<FuzzRequest> query(FuzzRequest base, Parameter p) {
        List<FuzzRequest> out = new ArrayList<>();
        String name = p.getName();
        Schema s = SchemaSamples.concrete(p.getSchema());
        String type = SchemaSamples.type(p.getSchema());
        String rest = without(base.query(), name);
        if (Boolean.TRUE.equals(p.getRequired())) {
            out.add(base.withQuery(rest).as("query: required parameter missing", name, true));
        }
        java.util.function.BiFunction<String, String, FuzzRequest> with =
                (value, mutation) -> base.withQuery(join(rest, name + "=" + value)).as(mutation, name, true);
        switch (type) {
            case "integer", "number" -> {
                out.add(with.apply("abc", "query: number that is text"));
                out.add(with.apply("1.5", "query: fraction for a whole number"));
                out.add(with.apply("-1", "query: number -1")
                        .as("query: number -1", name, s.getMinimum() != null && s.getMinimum().signum() >= 0));
                out.add(with.apply("0", "query: number 0")
                        .as("query: number 0", name, s.getMinimum() != null && s.getMinimum().signum() > 0));
                out.add(with.apply("99999999999999999999", "query: number 10^20"));
            }
            case "boolean" -> out.add(with.apply("maybe", "query: boolean that is text"));
            default -> {
                if ("uuid".equals(s.getFormat())) {
                    out.add(with.apply("not-a-uuid", "query: id that is not a UUID"));
                }
                if ("date".equals(s.getFormat())) {
                    out.add(with.apply("2026-13-45", "query: impossible date"));
                    out.add(with.apply(encode("+999999999-12-31"), "query: date +999999999-12-31"));
                    out.add(with.apply("0001-01-01", "query: date 0001-01-01").as("query: date 0001-01-01", name, false));
                    out.add(with.apply("9999-12-31", "query: date 9999-12-31").as("query: date 9999-12-31", name, false));
                }
                if (s.getEnum() != null) {
                    out.add(with.apply("NO_SUCH_VALUE", "query: unknown enum value"));
                }
                if ("week".equals(name)) {
                    out.add(with.apply("2026-W99", "query: week 99"));
                    out.add(with.apply("999999999-W01", "query: week of year 999999999"));
                }
                if ("cursor".equals(name)) {
                    out.addAll(cursors(with));
                }
                out.add(with.apply("x".repeat(5_000), "query: 5,000 chars")
                        .as("query: 5,000 chars", name, s.getMaxLength() != null && s.getMaxLength() < 5_000));
                out.add(with.apply("a%00b", "query: NUL").as("query: NUL", name, s.getFormat() != null
                        || s.getEnum() != null || s.getPattern() != null));
            }
        }
        return out;
    }

    private List<FuzzRequest> cursors(java.util.function.BiFunction<String, String, FuzzRequest> with) {
        byte[] payload = new byte[24];
        byte[] signature = new byte[32];
        random.nextBytes(payload);
        random.nextBytes(signature);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String json = base64.encodeToString("[\"2026-01-01\",\"00000000-0000-0000-0000-000000000000\"]"
                .getBytes(StandardCharsets.UTF_8));
        List<FuzzRequest> out = new ArrayList<>();
        out.add(with.apply(base64.encodeToString(payload) + "." + base64.encodeToString(signature),
                "query: cursor of random base64"));
        out.add(with.apply(json + "." + base64.encodeToString(signature), "query: cursor with a forged position"));
        out.add(with.apply(cursors.tampered(), "query: cursor tampered with"));
        out.add(with.apply(cursors.otherList(), "query: cursor of another list"));
        out.add(with.apply("not-a-cursor", "query: cursor that is no cursor"));
        return out;
    }

    private List<FuzzRequest> path(ContractOperation op, FuzzRequest base, Parameter p,
            java.util.function.Function<Parameter, String> valid) {
        List<FuzzRequest> out = new ArrayList<>();
        String name = p.getName();
        String template = op.path();
        java.util.function.BiFunction<String, String, FuzzRequest> with = (value, mutation) -> {
            String path = template;
            for (Parameter other : op.in("path")) {
                path = path.replace("{" + other.getName() + "}", other == p ? value : valid.apply(other));
            }
            return base.withPath(path).as(mutation, name, true);
        };
        out.add(with.apply("not-a-uuid", "path: parameter that is not a UUID")
                .as("path: parameter that is not a UUID", name, SchemaSamples.concrete(p.getSchema()).getFormat() != null
                        || SchemaSamples.concrete(p.getSchema()).getPattern() != null));
        out.add(with.apply("9".repeat(5_000), "path: segment of 5,000 chars"));
        out.add(with.apply("a%00b", "path: NUL"));
        return out;
    }

    private List<FuzzRequest> headers(ContractOperation op, FuzzRequest base) {
        List<FuzzRequest> out = new ArrayList<>();
        op.parameter("header", "If-Match").ifPresent(p -> {
            out.add(base.withHeader("If-Match", "abc").as("header: If-Match that is no entity tag", "If-Match", true));
            out.add(base.withHeader("If-Match", "\"" + "9".repeat(40) + "\"")
                    .as("header: If-Match of a huge version", "If-Match", true));
            if (Boolean.TRUE.equals(p.getRequired())) {
                out.add(base.withHeader("If-Match", null).as("header: If-Match missing", "If-Match", true));
            }
        });
        op.parameter("header", "Idempotency-Key").ifPresent(p -> {
            out.add(base.withHeader("Idempotency-Key", "k".repeat(200))
                    .as("header: Idempotency-Key of 200 chars", "Idempotency-Key", true));
            out.add(base.withHeader("Idempotency-Key", "a b").as("header: Idempotency-Key with a space",
                    "Idempotency-Key", true));
            if (Boolean.TRUE.equals(p.getRequired())) {
                out.add(base.withHeader("Idempotency-Key", null).as("header: Idempotency-Key missing",
                        "Idempotency-Key", true));
            }
        });
        op.parameter("header", "If-None-Match").ifPresent(p -> out.add(base.withHeader("If-None-Match",
                "\"" + "x".repeat(600) + "\"").as("header: If-None-Match of 600 chars", "If-None-Match", false)));
        return out;
    }

    static String join(String query, String more) {
        return query.isEmpty() ? more : query + "&" + more;
    }

    private static String without(String query, String name) {
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith(name + "=")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
