package cn.zhibu.notify.wechat;

import cn.zhibu.notify.NotifySettings;
import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.time.BusinessCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Sends the queued WeChat subscribe messages ({@code notification_delivery}), outside any business transaction, on one
 * replica at a time ({@code zhibu.notify.delivery.every}) and only when {@code zhibu.notify.wechat-send} is on. A pass
 * ({@link #drain}) marks messages abandoned mid-send as UNCERTAIN, claims the due ones in a short transaction (each
 * person's in due order), sends each with the shared access token ({@link AccessTokens}) and stores each outcome in a
 * transaction of its own. A message WeChat could not take is tried again later, each time waiting twice as long;
 * one that may have reached WeChat is never sent again.
 */
@ApplicationScoped
public class WeChatDelivery {

    private static final Logger LOG = Logger.getLogger(WeChatDelivery.class);
    /** WeChat says the access token is invalid or expired. */
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 42001);
    /** WeChat is busy or over a quota: try again later. */
    private static final Set<Integer> TRY_LATER = Set.of(-1, 45009, 45011);
    /** The member refused the template or holds no subscription. */
    private static final int REFUSED = 43101;
    /** A pass claims again while it finds work, at most this often. */
    private static final int MAX_ROUNDS = 20;
    private static final String QUEUE_AGE = "zhibu.notifications.queue.age";

    private final DeliveryQueue queue;
    private final AccessTokens tokens;
    private final WeChatMessages wechat;
    private final BusinessCalendar calendar;
    private final DeliverySettings settings;
    private final boolean enabled;
    private final String replica;
    private final Counter sent;
    private final Counter retried;
    private final Map<String, Counter> failed = new LinkedHashMap<>();
    private final AtomicReference<Instant> oldestDue = new AtomicReference<>();

    WeChatDelivery(DeliveryQueue queue, AccessTokens tokens, WeChatMessages wechat, BusinessCalendar calendar,
            DeliverySettings settings, NotifySettings notify, MeterRegistry metrics) {
        this.queue = queue;
        this.tokens = tokens;
        this.wechat = wechat;
        this.calendar = calendar;
        this.settings = settings;
        this.enabled = notify.wechatSend();
        this.replica = System.getenv().getOrDefault("HOSTNAME", "localhost") + "/" + ProcessHandle.current().pid();
        this.sent = Counter.builder("zhibu.notifications.sent").description("WeChat subscribe messages sent")
                .register(metrics);
        this.retried = Counter.builder("zhibu.notifications.retried")
                .description("WeChat subscribe messages WeChat could not take, to be tried again").register(metrics);
        for (String outcome : List.of("FAILED", "REFUSED", "UNCERTAIN")) {
            failed.put(outcome, Counter.builder("zhibu.notifications.failed").tag("outcome", outcome)
                    .description("WeChat subscribe messages not sent (or maybe sent: UNCERTAIN)").register(metrics));
        }
        // a gauge of an earlier application in this JVM (tests) would read that one's state: this one's replaces it
        Gauge earlier = metrics.find(QUEUE_AGE).gauge();
        if (earlier != null) {
            metrics.remove(earlier);
        }
        Gauge.builder(QUEUE_AGE, oldestDue, this::age)
                .description("Seconds since the oldest WeChat subscribe message still waiting was due (0: none), "
                        + "as of this replica's last pass").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("WeChat subscribe messages are off (zhibu.notify.wechat-send=false): notices reach the inbox only");
        }
    }

    @Scheduled(identity = "notification-delivery", every = "{zhibu.notify.delivery.every}",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
            drain(replica);
        }
    }

    /** What one pass did. */
    public record Counts(int sent, int retried, int failed, int refused, int uncertain, int waiting,
            Map<String, Integer> skipped) {
    }

    /** One pass over the queue as {@code replica} (a name for the logs and the claims). */
    @ActivateRequestContext
    public Counts drain(String replica) {
        Tally tally = new Tally();
        Instant now = calendar.now();
        List<UUID> abandoned = queue.abandoned(replica, now, now.minus(settings.sendingLease()));
        if (!abandoned.isEmpty()) {
            LOG.warnf("%d WeChat subscribe message(s) were left SENDING by a replica that stopped; they may have been "
                    + "sent and are UNCERTAIN (never sent again): %s", abandoned.size(), abandoned);
            tally.uncertain += abandoned.size();
            failed.get("UNCERTAIN").increment(abandoned.size());
        }
        for (int round = 0; round < MAX_ROUNDS && queue.anyDue(calendar.now()); round++) {
            Optional<String> token = tokens.current(replica);
            if (token.isEmpty()) {
                LOG.debug("No WeChat access token now; the queue waits for the next pass");
                break;
            }
            DeliveryQueue.Claim claim = queue.claim(replica, calendar.now(), settings.batchSize());
            tally.waiting += claim.waiting();
            claim.skipped().forEach((state, n) -> tally.skipped.merge(state, n, Integer::sum));
            failed.get("FAILED").increment(claim.skipped().getOrDefault("FAILED", 0));
            if (claim.sends().isEmpty() && claim.skipped().isEmpty() && claim.waiting() == 0) {
                break;
            }
            String current = token.get();
            boolean stop = false;
            for (DeliveryQueue.Claimed message : claim.sends()) {
                if (current == null || stop) { // no token, or the database failed: the rest waits, uncounted
                    releaseQuietly(message, replica);
                    continue;
                }
                try {
                    current = send(message, current, replica, tally);
                } catch (RuntimeException e) {
                    // its outcome could not be stored: it stays SENDING and becomes UNCERTAIN after the lease (it may
                    // have gone); the messages not yet tried are released rather than left to that fate
                    LOG.errorf(e, "Storing the outcome of WeChat message %s failed; the rest of the batch waits",
                            message.notificationId());
                    stop = true;
                }
            }
            if (current == null || stop) {
                break;
            }
        }
        oldestDue.set(queue.oldestDue(calendar.now()).orElse(null));
        Counts counts = new Counts(tally.sent, tally.retried, tally.failed, tally.refused, tally.uncertain,
                tally.waiting, Map.copyOf(tally.skipped));
        if (tally.sent + tally.retried + tally.failed + tally.refused + tally.uncertain > 0) {
            LOG.debugf("WeChat delivery by %s: %s", replica, counts);
        }
        return counts;
    }

    private void releaseQuietly(DeliveryQueue.Claimed message, String replica) {
        try {
            queue.release(message, replica, calendar.now());
        } catch (RuntimeException e) {
            LOG.warnf("WeChat message %s could not be released (%s); it becomes UNCERTAIN after the lease",
                    message.notificationId(), e.getMessage());
        }
    }

    /** Sends one claimed message and stores its outcome; the token to go on with (null: none). */
    private String send(DeliveryQueue.Claimed message, String token, String replica, Tally tally) {
        Map<String, Object> body = body(message);
        WeChatMessages.Answer answer = wechat.send(token, body);
        String next = token;
        if (answer.kind() == WeChatMessages.Kind.ERRCODE && TOKEN_REFUSED.contains(answer.errcode())) {
            LOG.infof("WeChat refused the access token (errcode %d); refreshing it and trying the message once more",
                    answer.errcode());
            next = tokens.afterRefusal(token, replica).orElse(null);
            if (next != null) {
                answer = wechat.send(next, body);
            }
        }
        DeliveryQueue.Outcome outcome = outcome(message, answer);
        if (!queue.record(message, outcome, replica, calendar.now())) {
            LOG.warnf("The outcome %s of WeChat message %s was not stored: its claim is no longer %s's",
                    outcome.state(), message.notificationId(), replica);
            return next;
        }
        switch (outcome.state()) {
            case "SENT" -> {
                tally.sent++;
                sent.increment();
            }
            case "PENDING" -> {
                tally.retried++;
                retried.increment();
            }
            case "REFUSED" -> {
                tally.refused++;
                failed.get("REFUSED").increment();
            }
            case "UNCERTAIN" -> {
                tally.uncertain++;
                failed.get("UNCERTAIN").increment();
                LOG.warnf("WeChat message %s may or may not have been sent (%s); it is UNCERTAIN and never sent "
                        + "again", message.notificationId(), outcome.detail());
            }
            default -> {
                tally.failed++;
                failed.get("FAILED").increment();
                LOG.errorf("WeChat message %s (%s, template %s) failed: %s", message.notificationId(), message.kind(),
                        message.templateId(), outcome.detail());
            }
        }
        return next;
    }

    private DeliveryQueue.Outcome outcome(DeliveryQueue.Claimed message, WeChatMessages.Answer answer) {
        return switch (answer.kind()) {
            case ACCEPTED -> new DeliveryQueue.Outcome("SENT", 0, null, null);
            case UNCERTAIN -> new DeliveryQueue.Outcome("UNCERTAIN", null, answer.detail(), null);
            case NOT_SENT -> later(message, null, answer.detail());
            case ERRCODE -> {
                int errcode = answer.errcode();
                if (errcode == REFUSED) {
                    yield new DeliveryQueue.Outcome("REFUSED", errcode, answer.detail(), null);
                }
                if (TRY_LATER.contains(errcode) || TOKEN_REFUSED.contains(errcode)) {
                    yield later(message, errcode, answer.detail());
                }
                yield new DeliveryQueue.Outcome("FAILED", errcode, answer.detail(), null);
            }
        };
    }

    /** Back to the queue after a wait growing with each attempt, or given up after the last one. */
    private DeliveryQueue.Outcome later(DeliveryQueue.Claimed message, Integer errcode, String detail) {
        int attempts = message.attempts();
        if (attempts >= settings.maxAttempts()) {
            return new DeliveryQueue.Outcome("FAILED", errcode, "gave up after " + attempts + " attempts: " + detail,
                    null);
        }
        return new DeliveryQueue.Outcome("PENDING", errcode, detail, calendar.now().plus(backoff(attempts)));
    }

    /** The wait after the {@code attempts}-th attempt: base·2^(attempts−1), at most the cap. */
    Duration backoff(int attempts) {
        Duration cap = settings.backoffCap();
        Duration wait = settings.backoffBase();
        for (int i = 1; i < attempts && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private Map<String, Object> body(DeliveryQueue.Claimed message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", message.openid());
        body.put("template_id", message.templateId());
        message.template().page().filter(p -> !p.isBlank()).ifPresent(page -> body.put("page",
                page + (page.contains("?") ? "&" : "?") + "notification=" + message.notificationId()));
        body.put("data", MessageFields.data(message.template().data(), message.fields(), calendar.zone()));
        settings.miniprogramState().filter(s -> !s.isBlank()).ifPresent(s -> body.put("miniprogram_state", s));
        body.put("lang", "zh_CN");
        return body;
    }

    private double age(AtomicReference<Instant> oldest) {
        Instant due = oldest.get();
        if (due == null) {
            return 0;
        }
        return Math.max(0, Duration.between(due, calendar.now()).toMillis() / 1000.0);
    }

    private static final class Tally {
        int sent;
        int retried;
        int failed;
        int refused;
        int uncertain;
        int waiting;
        final Map<String, Integer> skipped = new TreeMap<>();
    }
}
