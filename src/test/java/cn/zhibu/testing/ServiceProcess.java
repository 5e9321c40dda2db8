package cn.zhibu.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, for the tests that
 * start, stop or kill it: its port and its management interface's (health, metrics), picked once and kept across
 * starts, an environment of its settings, and a log that every start of it appends to. A start waits until the
 * service answers ready, with a deadline.
 */
public final class ServiceProcess {

    /** The first admin's one-time password, as the environment sets it. */
    public static final String ADMIN_PASSWORD = "first-admin-Passw0rd!";
    /** The password every account changes its one-time password to. */
    public static final String NEW_PASSWORD = "a-long-and-new-Passw0rd!";
    /** How long a start may take until the service is ready (a JVM and perhaps PostgreSQL on a busy machine). */
    public static final Duration START = Duration.ofMinutes(3);
    private static final HttpClient HEALTH = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** The lowest port {@link #freePort()} hands out, and those it has (in this JVM). */
    private static final int LOWEST_PORT = 10_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private final String name;
    private final Path directory;
    private final Path log;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private volatile Process process;

    /** The service at that instant, by its own clock: today's business date, and now. */
    public record BusinessTime(LocalDate date, Instant now) {
    }

    /**
     * A service named {@code name} (the log is {@code target/<log>.log}, emptied now), working in {@code directory},
     * with these settings over the test's own environment (which names no JDBC URL to it).
     */
    public ServiceProcess(String name, String log, Path directory, Map<String, String> environment) {
        this.name = name;
        this.directory = directory;
        this.log = Path.of("target", log + ".log").toAbsolutePath();
        this.environment = Map.copyOf(environment);
        this.port = freePort();
        this.managementPort = freePort();
        try {
            Files.deleteIfExists(this.log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings every such test gives: the first admin's password, no rate limit to speak of, and this many
     * check-ins in a burst.
     */
    public static Map<String, String> settings(int checkInBurst) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ZHIBU_ADMIN_INITIAL_PASSWORD", ADMIN_PASSWORD);
        settings.put("ZHIBU_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000");
        settings.put("ZHIBU_CHECK_INS_BURST_COUNT", String.valueOf(checkInBurst));
        return settings;
    }

    /** The packaged service; fails the test when it was not packaged. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("zhibu.runnable-jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), jar + " is missing: package the service first (./mvnw package -DskipTests)");
        return jar;
    }

    /** Starts the service (again, after a stop or a kill: on the same ports); does not wait. */
    public ServiceProcess launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort, "-jar", jar().toAbsolutePath().toString())
                .directory(Files.createDirectories(directory).toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** Starts the service and waits until it is ready. */
    public ServiceProcess start() throws IOException {
        return launch().awaitReady();
    }

    /** Waits until readiness answers 200; fails at once if the process ends, and after {@link #START}. */
    public ServiceProcess awaitReady() {
        Process started = process;
        Await.value(name + " ready", START, () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " stopped (exit " + started.exitValue() + "):\n" + tail());
            }
            return readiness();
        }, status -> status == 200, () -> "\n" + tail());
        return this;
    }

    /** The status readiness answers, or -1 while nothing listens (or answers) on the management port. */
    private int readiness() throws InterruptedException {
        try {
            return HEALTH.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                    + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    /** SIGTERM, and waits for the process to end (a minute at most); whether it ended. */
    public boolean stop() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return true;
        }
        running.destroy();
        return running.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGKILL to the process (not to what it started), and waits for it to end. */
    public void kill() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Requests to the API, not signed in. */
    public RequestSpecification api() {
        return given().baseUri("http://localhost:" + port).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Requests to the API with an access token. */
    public RequestSpecification api(String token) {
        return api().auth().oauth2(token);
    }

    /** Requests to the management interface (health, metrics). */
    public RequestSpecification management() {
        return given().baseUri("http://localhost:" + managementPort);
    }

    /** Today's business date and now, as the service tells them ({@code GET /v1/meta}): its clock, not the test's. */
    public BusinessTime businessTime() {
        Response meta = api().get("/v1/meta");
        meta.then().statusCode(200);
        return new BusinessTime(LocalDate.parse(meta.path("businessDate")),
                OffsetDateTime.parse(meta.<String>path("now")).toInstant());
    }

    /** The last 40 lines of the log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path log() {
        return log;
    }

    /** The process of the last start. */
    public Process process() {
        return process;
    }

    /**
     * A port free now, below the kernel's ephemeral range ({@code ip_local_port_range}), never handed out before in
     * this JVM. A port from {@code new ServerSocket(0)} is released before the service binds it, and in between
     * anything that binds port 0 may take it: the service's own embedded PostgreSQL does, at its start, and so does
     * every outgoing connection. Below the range nothing is handed out by the kernel.
     */
    private static synchronized int freePort() {
        int ephemeral = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200 && ephemeral > LOWEST_PORT + 1000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST_PORT, ephemeral);
            if (!GIVEN.contains(candidate) && bindable(candidate)) {
                GIVEN.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST_PORT + " and " + ephemeral);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux's default where it cannot be read). */
    private static int ephemeralRangeStart() {
        try {
            // read by lines: Files.readString trusts the size a /proc file reports, which may be wrong
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 32768;
        }
    }
}
