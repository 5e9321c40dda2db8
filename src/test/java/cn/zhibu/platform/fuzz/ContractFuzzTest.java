package cn.zhibu.platform.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.ContractOperations;
import cn.zhibu.testing.ContractOperations.ContractOperation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the committed contract, called with bad input generated from its schemas (a fixed seed) as an
 * anonymous caller and as a signed-in member of a branch: no answer is a 5xx, every error is problem+json, no answer
 * takes 2 s or more, and nothing the contract makes invalid is accepted. All violations are collected and reported
 * at once, grouped (and written to {@code target/contract-fuzz.txt}); the run prints its number of calls and time.
 * <p>
 * {@code -Dzhibu.fuzz.callers=anonymous,member,admin} adds a global org admin (deeper, slower; off by default);
 * {@code -Dzhibu.fuzz.skip=<start of a mutation name>,...} leaves kinds of input out while looking at the others
 * (never commit it on). After {@value #TIMEOUTS_BEFORE_GIVING_UP} timeouts of one kind of input, the rest of that kind
 * are not sent but counted as violations, so that a hang costs seconds, not minutes.
 */
@QuarkusTest
@WithTestResource(value = WeChatRefusingCodes.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ContractFuzzTest {

    static final long SEED = 20_261_206L;
    static final int TIMEOUTS_BEFORE_GIVING_UP = 2;
    static final Path REPORT = Path.of("target", "contract-fuzz.txt");

    @Test
    void everyOperationAnswersBadInputWithAProblemQuickly() throws IOException {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        Random keys = new Random(SEED + 1);
        FuzzFixtures fixtures = new FuzzFixtures(random);
        SchemaSamples samples = new SchemaSamples(random, fixtures::idFor);
        RequestMutations requests = new RequestMutations(random, fixtures.cursors());
        Map<String, String> callers = callers(fixtures);
        Set<String> skipped = Arrays.stream(System.getProperty("zhibu.fuzz.skip", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        FuzzClient client = new FuzzClient();
        Violations violations = new Violations();
        Map<String, Integer> timeouts = new HashMap<>();
        List<ContractOperation> operations = ContractOperations.all();
        long setUp = System.nanoTime();
        int calls = 0;
        int notSent = 0;
        for (ContractOperation op : operations) {
            List<FuzzRequest> mutations = mutations(op, fixtures, samples, requests);
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                for (FuzzRequest mutation : mutations) {
                    if (skipped.stream().anyMatch(mutation.mutation()::startsWith)) {
                        continue;
                    }
                    String kind = mutation.mutation();
                    if (timeouts.getOrDefault(kind, 0) >= TIMEOUTS_BEFORE_GIVING_UP) {
                        violations.notSent(caller.getKey(), op, mutation, "this kind of input timed out "
                                + TIMEOUTS_BEFORE_GIVING_UP + " times before");
                        notSent++;
                        continue;
                    }
                    FuzzRequest sent = freshKey(mutation, keys);
                    FuzzClient.Answer answer = client.send(sent, caller.getValue());
                    calls++;
                    if (answer.status() == -1 && answer.millis() >= FuzzClient.TIMEOUT_MILLIS - 100) {
                        timeouts.merge(kind, 1, Integer::sum);
                    }
                    violations.check(caller.getKey(), op, sent, answer);
                }
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String summary = String.format("Contract fuzz: %d operations, callers %s, %d calls (%d not sent after timeouts)"
                + " in %d s (%d s of set-up), seed %d%s; %d violations", operations.size(), callers.keySet(), calls,
                notSent, seconds, TimeUnit.NANOSECONDS.toSeconds(setUp - started), SEED,
                skipped.isEmpty() ? "" : ", SKIPPED " + skipped, violations.size());
        System.out.println(summary);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary + "\n\n" + violations.report(Integer.MAX_VALUE) + "\n" + violations.statuses());
        assertTrue(violations.isEmpty(), () -> summary + " (every one in " + REPORT + ")\n" + violations.report(5));
    }

    /** Each caller and its token: anonymous (none), a member of the branch, and on demand a global org admin. */
    private static Map<String, String> callers(FuzzFixtures fixtures) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String name : System.getProperty("zhibu.fuzz.callers", "anonymous,member").split(",")) {
            switch (name.trim()) {
                case "anonymous" -> callers.put("anonymous", null);
                case "member" -> callers.put("member", fixtures.memberToken());
                case "admin" -> callers.put("admin", Api.token("fuzz-admin", Roles.ORG_ADMIN));
                default -> throw new IllegalArgumentException("zhibu.fuzz.callers: no caller " + name);
            }
        }
        return callers;
    }

    /** Every bad request for the operation, made from a valid-ish one. */
    private static List<FuzzRequest> mutations(ContractOperation op, FuzzFixtures fixtures, SchemaSamples samples,
            RequestMutations requests) {
        Map<String, String> pathValues = new HashMap<>();
        op.in("path").forEach(p -> pathValues.put(p.getName(), fixtures.pathValue(op, p, samples)));
        String path = op.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", RequestMutations.encode(value.getValue()));
        }
        List<String> query = new ArrayList<>();
        for (Parameter p : op.in("query")) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                query.add(p.getName() + "=" + RequestMutations.encode(samples.value(p.getSchema(), p.getName()).asText()));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", op.answerType()); // what a client of the operation asks for (CSV, iCalendar, JSON)
        op.parameter("header", "If-Match").filter(p -> Boolean.TRUE.equals(p.getRequired()))
                .ifPresent(p -> headers.put("If-Match", "\"0\""));
        op.parameter("header", "Idempotency-Key").filter(p -> Boolean.TRUE.equals(p.getRequired()))
                .ifPresent(p -> headers.put("Idempotency-Key", RequestMutations.FRESH_KEY));
        FuzzRequest base = new FuzzRequest("valid-ish", "", false, op.method(), path, String.join("&", query), headers,
                null, null);
        List<FuzzRequest> out = new ArrayList<>();
        FuzzRequest withBody = base; // path, query and header mutations carry a valid-ish body
        var json = op.bodySchema(BodyMutations.JSON_TYPE);
        if (json.isPresent()) {
            ObjectNode valid = samples.object(json.get(), 0);
            withBody = base.withBody(BodyMutations.bytes(valid), BodyMutations.JSON_TYPE);
            out.addAll(BodyMutations.of(withBody, json.get(), valid, op.bodyRequired()));
        }
        if (op.takesBody("text/csv")) {
            List<FuzzRequest> csv = BodyMutations.csv(base);
            withBody = json.isPresent() ? withBody : csv.get(0);
            out.addAll(csv);
        }
        if (op.takesBody("application/x-www-form-urlencoded")) {
            List<FuzzRequest> form = BodyMutations.form(base);
            withBody = form.get(0);
            out.addAll(form);
        }
        if (op.bodies().isEmpty()) {
            out.add(base);
        }
        FuzzRequest valid = withBody.as("valid-ish", "", false);
        out.addAll(requests.of(op, valid, p -> RequestMutations.encode(pathValues.get(p.getName()))));
        return out;
    }

    /** The request with a new Idempotency-Key where it takes one (seeded: the same keys each run). */
    private static FuzzRequest freshKey(FuzzRequest request, Random keys) {
        return RequestMutations.FRESH_KEY.equals(request.headers().get("Idempotency-Key"))
                ? request.withHeader("Idempotency-Key", new UUID(keys.nextLong(), keys.nextLong()).toString())
                : request;
    }
}
