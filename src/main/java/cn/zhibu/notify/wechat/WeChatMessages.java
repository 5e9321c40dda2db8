package cn.zhibu.notify.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The two calls the sender makes to WeChat: {@code cgi-bin/stable_token} (the access token) and
 * {@code cgi-bin/message/subscribe/send}, with their answers sorted into what the sender needs to know. Reads the same
 * {@code zhibu.wechat.*} settings as the sign-in. Neither the app secret nor the access token is ever logged (nor the
 * text of a client exception, which may hold the request's URL).
 */
@ApplicationScoped
public class WeChatMessages {

    private static final Logger LOG = Logger.getLogger(WeChatMessages.class);
    private static final int DETAIL = 280;

    private final Optional<String> appId;
    private final Optional<String> appSecret;
    private final WeChatMessageClient client;
    private final ObjectMapper mapper;

    WeChatMessages(@ConfigProperty(name = "zhibu.wechat.app-id") Optional<String> appId,
            @ConfigProperty(name = "zhibu.wechat.app-secret") Optional<String> appSecret,
            @ConfigProperty(name = "zhibu.wechat.base-url", defaultValue = "https://api.weixin.qq.com") String baseUrl,
            @ConfigProperty(name = "zhibu.wechat.timeout", defaultValue = "PT5S") Duration timeout,
            TransactionManager transactions, ObjectMapper mapper) {
        this.appId = appId.filter(v -> !v.isBlank());
        this.appSecret = appSecret.filter(v -> !v.isBlank());
        this.mapper = mapper;
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // every status comes back as an answer, not an exception
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new OutsideTransactions(transactions))
                .build(WeChatMessageClient.class);
    }

    /** The mini-program's app id, when WeChat is configured. */
    public Optional<String> appId() {
        return appSecret.isPresent() ? appId : Optional.empty();
    }

    /** A fresh access token and how long WeChat says it lasts. */
    public record Token(String value, Duration lifetime) {

        @Override
        public String toString() {
            return "Token[lifetime=" + lifetime + "]";
        }
    }

    /** Asks WeChat for the access token ({@code force}: a new one, the old one stops working); empty on failure. */
    public Optional<Token> stableToken(boolean force) {
        if (appId().isEmpty()) {
            LOG.error("WeChat subscribe messages cannot be sent: zhibu.wechat.app-id or app-secret is not set");
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credential");
        body.put("appid", appId.get());
        body.put("secret", appSecret.get());
        body.put("force_refresh", force);
        RestResponse<byte[]> response;
        try {
            response = client.stableToken(mapper.writeValueAsBytes(body));
        } catch (RuntimeException | IOException e) {
            rethrowGuard(e);
            LOG.warnf("WeChat stable_token failed: %s", cause(e));
            return Optional.empty();
        }
        if (response.getStatus() != 200) {
            LOG.warnf("WeChat stable_token answered HTTP %d", response.getStatus());
            return Optional.empty();
        }
        JsonNode answer = json(response.getEntity());
        if (answer == null) {
            LOG.warn("WeChat stable_token answered something that is not its JSON");
            return Optional.empty();
        }
        int errcode = answer.path("errcode").asInt(0);
        String token = answer.path("access_token").asText("");
        long lifetime = answer.path("expires_in").asLong(0);
        if (errcode != 0 || token.isBlank() || lifetime <= 0) {
            if (errcode == -1 || errcode == 45009 || errcode == 45011) {
                LOG.warnf("WeChat stable_token answered errcode %d (busy or over its quota); tried again later",
                        errcode);
            } else {
                // 40013 (bad appid), 40125 (bad secret), 40164 (IP not allowed) and the like: our settings
                LOG.errorf("WeChat stable_token refused with errcode %d (%s); check zhibu.wechat.app-id, app-secret "
                        + "and the mini-program's IP allow-list", errcode, cut(answer.path("errmsg").asText(""), 120));
            }
            return Optional.empty();
        }
        return Optional.of(new Token(token, Duration.ofSeconds(lifetime)));
    }

    /** How WeChat took a message. */
    public enum Kind {
        /** errcode 0: sent. */
        ACCEPTED,
        /** WeChat answered with an errcode: see {@link Answer#errcode()}. */
        ERRCODE,
        /** It surely did not reach WeChat or WeChat did not take it (no connection, HTTP 5xx): try again later. */
        NOT_SENT,
        /** It may have been sent (a timeout after it left, an answer that is not WeChat's): never send it again. */
        UNCERTAIN
    }

    /** WeChat's answer to one message. */
    public record Answer(Kind kind, Integer errcode, String detail) {
    }

    /** Sends one subscribe message (the JSON body) with the access token. */
    public Answer send(String accessToken, Map<String, Object> message) {
        RestResponse<byte[]> response;
        try {
            response = client.send(accessToken, mapper.writeValueAsBytes(message));
        } catch (RuntimeException | IOException e) {
            rethrowGuard(e);
            if (notConnected(e)) {
                return new Answer(Kind.NOT_SENT, null, "no connection to WeChat: " + cause(e));
            }
            return new Answer(Kind.UNCERTAIN, null, "no answer from WeChat after the message left: " + cause(e));
        }
        if (response.getStatus() == 502 || response.getStatus() == 504) {
            // a gateway that lost WeChat's answer: the message may have gone through
            return new Answer(Kind.UNCERTAIN, null, "WeChat's gateway answered HTTP " + response.getStatus());
        }
        if (response.getStatus() != 200) {
            return new Answer(Kind.NOT_SENT, null, "WeChat answered HTTP " + response.getStatus());
        }
        JsonNode answer = json(response.getEntity());
        if (answer == null || !answer.path("errcode").canConvertToInt()) {
            return new Answer(Kind.UNCERTAIN, null, "WeChat answered HTTP 200 with something that is not its JSON");
        }
        int errcode = answer.path("errcode").asInt();
        if (errcode == 0) {
            return new Answer(Kind.ACCEPTED, 0, null);
        }
        return new Answer(Kind.ERRCODE, errcode, cut("errcode " + errcode + ": " + answer.path("errmsg").asText(""),
                DETAIL));
    }

    private JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void rethrowGuard(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutsideTransactions.CalledInTransaction guard) {
                throw guard;
            }
        }
    }

    private static boolean notConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's class: never its message, which may hold the URL with the access token. */
    private static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
