package cn.zhibu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Load from outside the service's JVM: {@code wrk} (Debian's package) checks in for the given members, each request a
 * (member, material) pair of its own with an Idempotency-Key of its own, at 32 and then 128 connections for 8 s
 * each, and reads {@code GET /v1/me} at the same concurrency for scale. Prints what wrk measured.
 */
final class ExternalLoad {

    private static final String SCRIPT = """
            local threads = {}
            local counter = 0
            function setup(thread)
              thread:set("id", counter)
              counter = counter + 1
              table.insert(threads, thread)
            end
            function init(args)
              created = 0
              other = 0
              k = 0
              tokens = { %s }
              materials = { %s }
            end
            function request()
              local i = id + k * %d
              k = k + 1
              local t = tokens[(i %% #tokens) + 1]
              local m = materials[(math.floor(i / #tokens) %% #materials) + 1]
              return wrk.format("POST", "/v1/check-ins", {["Authorization"] = "Bearer " .. t,
                ["Content-Type"] = "application/json", ["Accept"] = "application/json",
                ["Idempotency-Key"] = "%s-" .. id .. "-" .. k},
                '{"materialId":"' .. m .. '","studySeconds":600}')
            end
            function response(status, headers, body)
              if status == 201 then created = created + 1 else other = other + 1 end
            end
            function done(summary, latency, requests)
              local c, o = 0, 0
              for _, t in ipairs(threads) do c = c + t:get("created"); o = o + t:get("other") end
              io.write(string.format("RESULT %%d %%d %%.1f %%.1f %%.1f\\n", c, o, summary.requests / (summary.duration / 1e6),
                latency:percentile(50) / 1000, latency:percentile(99) / 1000))
            end
            """;
    private static final int THREADS = 2;

    private ExternalLoad() {
    }

    static void run(List<String> tokens, List<String> materials, String base) throws IOException, InterruptedException {
        System.out.println("  from another process (wrk, 2 threads, 8 s per case; the service in the test JVM):");
        int offset = 0;
        for (int connections : new int[] {32, 128}) {
            // each case takes materials of its own, so no (member, material) pair is checked in twice
            List<String> mine = materials.subList(offset, offset + materials.size() / 2);
            offset += materials.size() / 2;
            Path script = Files.createTempFile("check-ins", ".lua");
            Files.writeString(script, String.format(SCRIPT, quoted(tokens), quoted(mine), THREADS, "wrk" + connections),
                    StandardCharsets.UTF_8);
            String checkIns = wrk(connections, script, base + "/v1/check-ins", null);
            String me = wrk(connections, null, base + "/v1/me", tokens.get(0));
            Files.delete(script);
            System.out.printf("    POST /v1/check-ins %d connections: %s%n", connections, checkIns);
            System.out.printf("    GET /v1/me         %d connections: %s%n", connections, me);
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    /** One wrk run: created, other answers, requests per second, p50 and p99 (from the script), or wrk's summary. */
    private static String wrk(int connections, Path script, String url, String token)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d8s",
                "--latency", "--timeout", "10s"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        } else {
            command.addAll(List.of("-H", "Authorization: Bearer " + token, "-H", "Accept: application/json"));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                return String.format("%s created, %s other, %s /s, p50 %s ms, p99 %s ms", f[1], f[2], f[3], f[4], f[5]);
            }
        }
        String rate = out.lines().filter(l -> l.startsWith("Requests/sec")).findFirst().orElse("?").trim();
        String p50 = out.lines().filter(l -> l.trim().startsWith("50%")).findFirst().orElse("?").trim();
        String p99 = out.lines().filter(l -> l.trim().startsWith("99%")).findFirst().orElse("?").trim();
        String errors = out.lines().filter(l -> l.contains("Non-2xx")).findFirst().orElse("").trim();
        return rate + ", p50 " + p50 + ", p99 " + p99 + (errors.isEmpty() ? "" : ", " + errors);
    }
}
