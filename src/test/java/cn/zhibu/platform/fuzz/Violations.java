package cn.zhibu.platform.fuzz;

import cn.zhibu.testing.ContractOperations.ContractOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks each answer of the fuzz run and keeps every violation: no 5xx, every error a problem+json (with type, title
 * and the status), every answer within 2 s, and no request the contract makes invalid accepted. Reports them grouped
 * by what went wrong and the kind of input, then one line per answer.
 */
final class Violations {

    static final long SLOW_MILLIS = 2_000;
    static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer that broke a rule. */
    record Violation(String rule, String caller, ContractOperation op, FuzzRequest request, FuzzClient.Answer answer) {

        String line() {
            String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
            String shown = answer.status() == -1 ? answer.error()
                    : answer.status() + " " + (answer.contentType().isEmpty() ? "(no content type)" : answer.contentType())
                            + (rule.startsWith("bad input") || body.isEmpty() ? "" : " " + cut(body, 300));
            return String.format("%-6s %s (%s) as %s, %s -> %s in %d ms", op.method(), op.path(), op.operationId(),
                    caller, request.describe(), shown, answer.millis());
        }
    }

    private final List<Violation> all = new ArrayList<>();
    /** Every answer's status by caller and kind of input: what the service made of each (for the report). */
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    /** Checks one answer; returns the number of rules it broke. */
    int check(String caller, ContractOperation op, FuzzRequest request, FuzzClient.Answer answer) {
        List<String> broken = new ArrayList<>();
        int status = answer.status();
        statuses.computeIfAbsent(caller + " | " + request.mutation(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        if (status == -1) {
            broken.add("no answer within " + FuzzClient.TIMEOUT_MILLIS / 1000 + " s");
        } else {
            if (status >= 500) {
                broken.add("5xx answer");
            }
            if (status >= 400) {
                String type = answer.contentType() == null ? "" : answer.contentType();
                if (!type.startsWith(PROBLEM_JSON)) {
                    broken.add("error that is not problem+json");
                } else if (!completeProblem(answer.body(), status)) {
                    broken.add("problem+json without type, title or the status");
                }
            }
            if (answer.millis() >= SLOW_MILLIS) {
                broken.add("slower than 2 s");
            }
            if (request.mustRefuse() && status >= 200 && status < 400) {
                broken.add("bad input accepted (" + status + ")");
            }
        }
        broken.forEach(rule -> all.add(new Violation(rule, caller, op, request, answer)));
        return broken.size();
    }

    /** A violation that is not an answer: requests not sent after repeated timeouts. */
    void notSent(String caller, ContractOperation op, FuzzRequest request, String why) {
        all.add(new Violation("not sent: " + why, caller, op, request, new FuzzClient.Answer(-1, "", "", 0, why)));
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    int size() {
        return all.size();
    }

    static boolean completeProblem(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem != null && problem.isObject() && problem.path("type").isTextual()
                    && problem.path("title").isTextual() && problem.path("status").asInt(-1) == status;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * The report: a summary of each group (rule, then kind of input: how many answers, which statuses, on how many
     * operations, a few of them), then every violation, one per line.
     */
    String report(int maxLinesPerGroup) {
        Map<String, List<Violation>> groups = new TreeMap<>();
        all.forEach(v -> groups.computeIfAbsent(v.rule() + " | " + v.request().mutation(), k -> new ArrayList<>()).add(v));
        StringBuilder text = new StringBuilder();
        text.append(all.size()).append(" violations in ").append(groups.size()).append(" groups (rule | input):\n");
        groups.forEach((group, list) -> {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            list.forEach(v -> statuses.merge(String.valueOf(v.answer().status()), 1, Integer::sum));
            long operations = list.stream().map(v -> v.op().toString()).distinct().count();
            text.append(String.format("%n== %s: %d answers, %d operations, statuses %s%n", group, list.size(),
                    operations, statuses));
            list.stream().limit(maxLinesPerGroup).forEach(v -> text.append("   ").append(v.line()).append('\n'));
            if (list.size() > maxLinesPerGroup) {
                text.append("   ... and ").append(list.size() - maxLinesPerGroup).append(" more\n");
            }
        });
        return text.toString();
    }

    /** How many answers of each status each caller got for each kind of input. */
    String statuses() {
        StringBuilder text = new StringBuilder("Statuses by caller and input (-1: no answer):\n");
        statuses.forEach((key, counts) -> text.append("   ").append(key).append(": ").append(counts).append('\n'));
        return text.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
