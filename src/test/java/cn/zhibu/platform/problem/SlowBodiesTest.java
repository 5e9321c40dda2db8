package cn.zhibu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One client sends 500 empty bodies and 50 bodies a byte at a time while another reads {@code GET /v1/me}: the empty
 * ones are answered 400 at once, the slow ones 408 when their time is up, and no worker waits on the network for either
 * (they used to hold a worker for 60 s each, and {@code GET /v1/me} timed out).
 */
@QuarkusTest
class SlowBodiesTest {

    private static final int EMPTY = 500;
    private static final int TRICKLED = 50;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void emptyAndTrickledBodiesHoldNoWorker() throws Exception {
        String token = Api.token("slow-bodies-reader", Roles.MEMBER);
        List<Long> before = readMe(token, 30, null);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < TRICKLED; i++) {
            Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port);
            socket.getOutputStream().write(("POST /v1/sessions/refresh HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            slow.add(socket);
        }
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        trickle.scheduleAtFixedRate(() -> slow.forEach(SlowBodiesTest::oneMoreByte), 100, 100, TimeUnit.MILLISECONDS);
        ExecutorService senders = Executors.newFixedThreadPool(25);
        List<CompletableFuture<Integer>> empties = new ArrayList<>();
        for (int i = 0; i < EMPTY; i++) {
            empties.add(CompletableFuture.supplyAsync(SlowBodiesTest::emptyBody, senders));
        }
        CompletableFuture<Void> storm = CompletableFuture.allOf(empties.toArray(CompletableFuture[]::new));
        List<Long> during = readMe(token, 10, storm);
        storm.join();
        senders.shutdown();

        int refused = 0;
        for (CompletableFuture<Integer> empty : empties) {
            refused += empty.join() == 400 ? 1 : 0;
        }
        int cut = 0;
        for (Socket socket : slow) {
            socket.setSoTimeout(10_000);
            String answer = new String(readToEnd(socket.getInputStream()), StandardCharsets.UTF_8);
            cut += answer.startsWith("HTTP/1.1 408") && answer.contains(Problem.MEDIA_TYPE)
                    && answer.contains("\"code\":\"REQUEST_TIMEOUT\"") ? 1 : 0;
            socket.close();
        }
        trickle.shutdownNow();
        System.out.printf("Slow bodies: GET /v1/me median %d ms, max %d ms alone; median %d ms, max %d ms (%d calls) "
                + "while %d empty bodies (%d answered 400) and %d trickled ones (%d cut with 408) came in%n",
                median(before), Collections.max(before), median(during), Collections.max(during), during.size(), EMPTY,
                refused, TRICKLED, cut);
        assertEquals(EMPTY, refused);
        assertEquals(TRICKLED, cut);
        // a worker held by any of them would show as seconds here (a 60 s read timeout before)
        assertTrue(Collections.max(during) < 2000, "GET /v1/me took " + Collections.max(during) + " ms");
    }

    /** Reads GET /v1/me {@code times} times, and on until {@code until} is done: each answer's time in ms. */
    private static List<Long> readMe(String token, int times, CompletableFuture<?> until) throws Exception {
        List<Long> millis = new ArrayList<>();
        while (millis.size() < times || (until != null && !until.isDone())) {
            long started = System.nanoTime();
            HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(uri("/v1/me"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertEquals(200, me.statusCode(), me.body());
        }
        return millis;
    }

    private static int emptyBody() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/v1/sessions/refresh"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void oneMoreByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closed) {
            // cut by the service: what the test waits for
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }
}
