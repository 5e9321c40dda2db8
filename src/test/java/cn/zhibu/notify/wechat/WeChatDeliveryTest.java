package cn.zhibu.notify.wechat;

import static cn.zhibu.notify.wechat.WeChatApiStub.SEND;
import static cn.zhibu.notify.wechat.WeChatApiStub.STABLE_TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.testing.Management;
import cn.zhibu.testing.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The WeChat sender against the WeChat stand-in: what a message says, the shared access token, each of WeChat's
 * answers and what becomes of the message, retries with backoff, per-person order, quiet hours, credits, a replica
 * that stopped mid-send, the transaction guard and the metrics.
 */
@QuarkusTest
@WithTestResource(value = WeChatApiStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WeChatDeliveryTest extends WeChatDeliveryTestBase {

    @Inject
    WeChatMessages messages;

    @Inject
    jakarta.transaction.TransactionManager transactions;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void aMessageIsSentOnceWithItsFieldsAndSpendsACredit() {
        Member member = member(2);
        String title = "关于第三季度主题党日微型党课调换的请求说明事项"; // 23 characters
        String id = swapAsked(member, title);
        assertEquals("PENDING", state(id));

        WeChatDelivery.Counts counts = delivery.drain("replica-a");

        assertEquals(1, counts.sent());
        assertEquals("SENT", state(id));
        assertEquals(1, attempts(id));
        assertEquals(1, credits(member));
        assertEquals(List.of("SENT:0"), outcomes(id));
        assertNotNull(value("select cast(sent_at as text) from notification_delivery where notification_id = "
                + "cast(?1 as uuid)", id));
        wechat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo(TOKEN))
                .withRequestBody(equalToJson("""
                        {"touser": "%s", "template_id": "%s", "page": "pages/lectures/swap?notification=%s",
                         "data": {"thing1": {"value": "关于第三季度主题党日微型党课调换的请求…"},
                                  "time2": {"value": "2026年12月8日 14:30"}, "name3": {"value": "李明"}},
                         "lang": "zh_CN"}""".formatted(member.openid(), WeChatApiStub.SWAP_TEMPLATE, id))));

        delivery.drain("replica-b");
        advance(Duration.ofHours(3));
        delivery.drain("replica-a");
        assertEquals(1, calls(id));
        assertEquals(1, credits(member));
    }

    @Test
    void oneTokenServesManyMessagesAndIsSharedThroughTheDatabase() {
        for (int i = 0; i < 4; i++) {
            swapAsked(member(1), "第" + i + "条");
        }
        assertEquals(4, delivery.drain("replica-a").sent());
        for (int i = 0; i < 3; i++) {
            swapAsked(member(1), "再" + i + "条");
        }
        advance(Duration.ofMinutes(30));
        assertEquals(3, delivery.drain("replica-b").sent());

        assertEquals(1, tokenCalls());
        wechat.verify(postRequestedFor(urlPathEqualTo(STABLE_TOKEN)).withRequestBody(equalToJson("""
                {"grant_type": "client_credential", "appid": "wx-test-app", "secret": "test-app-secret",
                 "force_refresh": false}""")));
        assertEquals(1, Sql.count("select count(*) from wechat_access_token where app_id = 'wx-test-app' "
                + "and expires_at = ?1 and lease_holder is null and position(convert_to(?2, 'UTF8') in token_cipher) = 0",
                DAY.plusSeconds(7200), TOKEN));

        // ahead of its end (5 minutes' margin) the token is refreshed, once
        advance(Duration.ofMinutes(86));
        swapAsked(member(1), "更新前");
        assertEquals(1, delivery.drain("replica-a").sent());
        assertEquals(2, tokenCalls());
    }

    @Test
    void anInvalidTokenIsRefreshedOnceAndTheMessageTriedAgain() {
        wechat.stubFor(post(urlPathEqualTo(STABLE_TOKEN)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.force_refresh", equalTo("true"))).willReturn(token("83_two")));
        String first = swapAsked(member(1), "第一条");
        assertEquals(1, delivery.drain("replica-a").sent());

        // WeChat stops taking the stored token
        wechat.stubFor(post(urlPathEqualTo(SEND)).atPriority(2).withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(error(40001, "invalid credential, access_token is invalid or not latest")));
        List<String> later = List.of(swapAsked(member(1), "甲"), swapAsked(member(1), "乙"), swapAsked(member(1), "丙"));
        WeChatDelivery.Counts counts = delivery.drain("replica-b");

        assertEquals(3, counts.sent());
        assertEquals(2, tokenCalls());
        wechat.verify(1, postRequestedFor(urlPathEqualTo(STABLE_TOKEN))
                .withRequestBody(matchingJsonPath("$.force_refresh", equalTo("true"))));
        // the first message and the one that met the refused token
        wechat.verify(2, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo(TOKEN)));
        wechat.verify(3, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("83_two")));
        for (String id : later) {
            assertEquals("SENT", state(id));
            assertEquals(1, accepted(id));
        }
        assertEquals(1, accepted(first));
    }

    @Test
    void busyQuotaAnd503AreTriedAgainWithGrowingWaits() {
        Member member = member(3);
        wechat.stubFor(sendTo(member.openid()).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(error(-1, "system error")).willSetStateTo("quota"));
        wechat.stubFor(sendTo(member.openid()).inScenario("flaky").whenScenarioStateIs("quota")
                .willReturn(error(45011, "api minute-quota reach limit mustslower")).willSetStateTo("down"));
        wechat.stubFor(sendTo(member.openid()).inScenario("flaky").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503).withBody("<html>503</html>")).willSetStateTo("up"));
        wechat.stubFor(sendTo(member.openid()).inScenario("flaky").whenScenarioStateIs("up").willReturn(sent()));
        String id = swapAsked(member, "重试");

        assertEquals(1, delivery.drain("replica-a").retried());
        assertEquals("PENDING", state(id));
        assertEquals(DAY.plus(Duration.ofMinutes(1)).toString(), nextAttempt(id));
        delivery.drain("replica-a"); // not due yet
        assertEquals(1, calls(id));

        advance(Duration.ofMinutes(1));
        assertEquals(1, delivery.drain("replica-b").retried());
        assertEquals(DAY.plus(Duration.ofMinutes(3)).toString(), nextAttempt(id));
        advance(Duration.ofMinutes(1));
        delivery.drain("replica-a");
        assertEquals(2, calls(id));
        advance(Duration.ofMinutes(1));
        assertEquals(1, delivery.drain("replica-a").retried());
        assertEquals(DAY.plus(Duration.ofMinutes(7)).toString(), nextAttempt(id));
        advance(Duration.ofMinutes(4));
        assertEquals(1, delivery.drain("replica-a").sent());

        assertEquals("SENT", state(id));
        assertEquals(4, attempts(id));
        assertEquals(List.of("RETRY:-1", "RETRY:45011", "RETRY:-", "SENT:0"), outcomes(id));
        assertEquals(1, accepted(id));
        assertEquals(4, calls(id));
        assertEquals(2, credits(member));
    }

    @Test
    void afterTheLastAttemptAMessageIsGivenUp() {
        Member member = member(1);
        wechat.stubFor(sendTo(member.openid()).willReturn(error(-1, "system error")));
        String id = swapAsked(member, "放弃");
        for (int i = 0; i < 12; i++) {
            delivery.drain("replica-a");
            advance(Duration.ofMinutes(10));
        }
        assertEquals("FAILED", state(id));
        assertEquals(12, attempts(id));
        assertTrue(lastError(id).startsWith("gave up after 12 attempts: errcode -1"), lastError(id));
        delivery.drain("replica-a");
        assertEquals(12, calls(id));
        assertEquals(1, credits(member));
    }

    @Test
    void aRefusalEndsTheMessageAndTheCredits() {
        Member member = member(3);
        wechat.stubFor(sendTo(member.openid()).willReturn(error(43101, "user refuse to accept the msg")));
        String id = swapAsked(member, "拒收");
        assertEquals(1, delivery.drain("replica-a").refused());
        assertEquals("REFUSED", state(id));
        assertEquals(0, credits(member));
        assertEquals(List.of("REFUSED:43101"), outcomes(id));

        // the next one is not sent: no credit left
        String next = swapAsked(member, "再发");
        delivery.drain("replica-a");
        assertEquals("NO_CREDIT", state(next));
        assertEquals(0, calls(next));
    }

    @Test
    void aPermanentErrorFailsWithItsReason() {
        Member member = member(1);
        wechat.stubFor(sendTo(member.openid()).willReturn(error(47003, "argument invalid! data.thing1.value invalid")));
        String id = swapAsked(member, "错误");
        assertEquals(1, delivery.drain("replica-a").failed());
        assertEquals("FAILED", state(id));
        assertTrue(lastError(id).startsWith("errcode 47003: argument invalid! data.thing1.value invalid"),
                lastError(id));
        assertEquals(List.of("FAILED:47003"), outcomes(id));
        assertTrue(lines(java.util.logging.Level.SEVERE).stream().anyMatch(l -> l.contains("WeChatDelivery")
                && l.contains(id) && l.contains("errcode 47003")), () -> lines(java.util.logging.Level.SEVERE).toString());
        advance(Duration.ofHours(1));
        delivery.drain("replica-a");
        assertEquals(1, calls(id));
        assertEquals(1, credits(member));
    }

    @Test
    void aSlowAnswerOrAnAnswerThatIsNotWeChatsIsUncertainAndNeverSentAgain() {
        Member slow = member(1);
        Member odd = member(1);
        wechat.stubFor(sendTo(slow.openid()).willReturn(sent().withFixedDelay(2500)));
        wechat.stubFor(sendTo(odd.openid()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>网关维护中</body></html>")));
        String slowId = swapAsked(slow, "慢");
        String oddId = swapAsked(odd, "怪");

        assertEquals(2, delivery.drain("replica-a").uncertain());
        assertEquals("UNCERTAIN", state(slowId));
        assertEquals("UNCERTAIN", state(oddId));
        assertTrue(lastError(slowId).startsWith("no answer from WeChat"), lastError(slowId));
        assertFalse(lastError(slowId).contains(TOKEN));
        assertTrue(lastError(oddId).contains("not its JSON"), lastError(oddId));
        advance(Duration.ofHours(2));
        delivery.drain("replica-b");
        assertEquals(1, calls(slowId));
        assertEquals(1, calls(oddId));
        assertEquals(List.of("UNCERTAIN:-"), outcomes(slowId));
        List<String> warnings = lines(java.util.logging.Level.WARNING);
        assertTrue(warnings.stream().anyMatch(l -> l.contains(slowId) && l.contains("UNCERTAIN")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(l -> l.contains(oddId) && l.contains("UNCERTAIN")), warnings::toString);
    }

    @Test
    void aMessageLeftSendingByAStoppedReplicaBecomesUncertain() {
        Member member = member(1);
        String id = swapAsked(member, "中断");
        Sql.execute("update notification_delivery set state = 'SENDING', claimed_by = 'replica-killed', claimed_at = ?2,"
                + " attempts = 1 where notification_id = ?1", id, DAY);

        delivery.drain("replica-a");
        assertEquals("SENDING", state(id)); // within its lease (2 minutes)
        advance(Duration.ofMinutes(3));
        assertEquals(1, delivery.drain("replica-a").uncertain());

        assertEquals("UNCERTAIN", state(id));
        assertTrue(lastError(id).contains("replica-killed"), lastError(id));
        assertEquals(List.of("UNCERTAIN:-"), outcomes(id));
        delivery.drain("replica-b");
        assertEquals(0, calls(id));
        assertEquals(1, credits(member));
    }

    @Test
    void aPersonsSecondMessageWaitsWhileTheFirstIsTriedAgain() {
        Member member = member(3);
        wechat.stubFor(sendTo(member.openid()).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(error(-1, "system error")).willSetStateTo("ok"));
        wechat.stubFor(sendTo(member.openid()).inScenario("order").whenScenarioStateIs("ok").willReturn(sent()));
        String first = raise(NoticeKind.SWAP_ASKED, member, "先", DAY.minusSeconds(120));
        String second = raise(NoticeKind.SWAP_ASKED, member, "后", DAY.minusSeconds(60));

        delivery.drain("replica-a");
        assertEquals("PENDING", state(first));
        assertEquals("PENDING", state(second));
        assertEquals(0, attempts(second));
        assertEquals(0, calls(second));

        advance(Duration.ofMinutes(1));
        assertEquals(2, delivery.drain("replica-b").sent());
        assertEquals("SENT", state(first));
        assertEquals("SENT", state(second));
        List<String> order = acceptedEvents().stream()
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getBodyAsString().contains(first) ? "first" : "second").toList();
        assertEquals(List.of("first", "second"), order);
        assertEquals(1, credits(member));
    }

    @Test
    void inQuietHoursAMessageWaitsUntilTheyEnd() {
        Member member = member(1);
        clock.set(Instant.parse("2026-12-08T15:00:00Z")); // 23:00 in Shanghai
        String id = swapAsked(member, "夜里");

        WeChatDelivery.Counts counts = delivery.drain("replica-a");
        assertEquals(1, counts.waiting());
        assertEquals("PENDING", state(id));
        assertEquals(0, attempts(id));
        assertEquals("2026-12-08T23:30:00Z", nextAttempt(id)); // 07:30 in Shanghai
        advance(Duration.ofHours(8));
        delivery.drain("replica-a");
        assertEquals(0, calls(id));

        clock.set(Instant.parse("2026-12-08T23:30:00Z"));
        assertEquals(1, delivery.drain("replica-a").sent());
        assertEquals("SENT", state(id));
        assertEquals(1, calls(id));
    }

    @Test
    void withoutACreditNothingIsSent() {
        Member member = member(0);
        String id = swapAsked(member, "无额度");
        WeChatDelivery.Counts counts = delivery.drain("replica-a");
        assertEquals(Map.of("NO_CREDIT", 1), counts.skipped());
        assertEquals("NO_CREDIT", state(id));
        assertTrue(lastError(id).contains(WeChatApiStub.SWAP_TEMPLATE));
        assertEquals(0, calls(id));
        assertEquals(List.of(), outcomes(id));
    }

    @Test
    void wechatIsNeverCalledInsideATransaction() {
        Map<String, Object> message = Map.of("touser", "o6_guard", "template_id", WeChatApiStub.SWAP_TEMPLATE,
                "data", Map.of());
        QuarkusTransaction.requiringNew().run(() -> assertThrows(OutsideTransactions.CalledInTransaction.class,
                () -> messages.send(TOKEN, message)));
        QuarkusTransaction.requiringNew().run(() -> assertThrows(OutsideTransactions.CalledInTransaction.class,
                () -> messages.stableToken(false)));
        wechat.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
        wechat.verify(0, postRequestedFor(urlPathEqualTo(STABLE_TOKEN)));

        assertEquals(WeChatMessages.Kind.ACCEPTED, messages.send(TOKEN, message).kind());
        wechat.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void withoutAConnectionAMessageWasNotSent() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WeChatMessages nowhere = new WeChatMessages(Optional.of("wx-test-app"), Optional.of("test-app-secret"),
                "http://localhost:" + closed, Duration.ofSeconds(1), transactions, mapper);
        WeChatMessages.Answer answer = nowhere.send(TOKEN, Map.of("touser", "o6_nowhere"));
        assertEquals(WeChatMessages.Kind.NOT_SENT, answer.kind());
        assertTrue(answer.detail().startsWith("no connection to WeChat"), answer.detail());
        assertTrue(nowhere.stableToken(false).isEmpty());
    }

    @Test
    void theMetricsCountWhatWasSentAndWhatNot() {
        Member member = member(1);
        Member refusing = member(1);
        wechat.stubFor(sendTo(refusing.openid()).willReturn(error(43101, "user refuse to accept the msg")));
        swapAsked(member, "指标");
        swapAsked(refusing, "指标");
        clock.set(DAY.plusSeconds(90));
        Member waiting = member(1);
        wechat.stubFor(sendTo(waiting.openid()).willReturn(error(-1, "system error")));
        raise(NoticeKind.SWAP_ASKED, waiting, "等待", DAY);
        delivery.drain("replica-a");

        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("zhibu_notifications_sent_total"))
                .body(containsString("zhibu_notifications_failed_total{outcome=\"REFUSED\"}"))
                .body(containsString("zhibu_notifications_failed_total{outcome=\"UNCERTAIN\"}"))
                .body(containsString("zhibu_notifications_retried_total"))
                .body(containsString("zhibu_notifications_queue_age 90.0"));
    }
}
