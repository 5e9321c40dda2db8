package cn.zhibu.identity.signin;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * WeChat's {@code jscode2session}: exchanges a mini-program's {@code wx.login} code for the user's
 * openid (and unionid). The answer's {@code session_key} is not even read into memory as a field:
 * the response is mapped onto a record without it, and the body is never logged.
 */
@ApplicationScoped
public class WeChat {

    private static final Logger LOG = Logger.getLogger(WeChat.class);
    private static final long BUSY_RETRY_SECONDS = 5;
    private static final long RATE_LIMIT_RETRY_SECONDS = 60;

    private final Optional<String> appId;
    private final Optional<String> appSecret;
    private final Duration timeout;
    private final WeChatClient client;
    private final ObjectReader reader;

    WeChat(WeChatSettings settings, ObjectMapper mapper) {
        String baseUrl = settings.baseUrl();
        Optional<String> appId = settings.appId();
        Optional<String> appSecret = settings.appSecret();
        Duration timeout = settings.timeout();
        this.appId = appId.filter(v -> !v.isBlank());
        this.appSecret = appSecret.filter(v -> !v.isBlank());
        this.timeout = timeout;
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // every status comes back as an answer (not an exception): anything but 200 is WeChat unavailable
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(WeChatClient.class);
        this.reader = mapper.readerFor(Session.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Who the code belongs to; a problem when the code is bad or WeChat cannot answer. */
    public Identity identify(String code) {
        if (appId.isEmpty() || appSecret.isEmpty()) {
            throw new ProblemException(IdentityProblem.WECHAT_NOT_CONFIGURED);
        }
        Session session;
        try {
            // the read timeout ends a silent connection; the deadline covers the whole answer
            RestResponse<byte[]> response = client.jscode2session(appId.get(), appSecret.get(), code,
                    "authorization_code").await().atMost(timeout);
            if (response.getStatus() != 200) {
                LOG.warnf("WeChat jscode2session answered HTTP %d", response.getStatus());
                throw unavailable(BUSY_RETRY_SECONDS);
            }
            byte[] body = response.getEntity();
            session = reader.readValue(body == null ? new byte[0] : body);
            if (session == null) { // the JSON literal null
                LOG.warn("WeChat jscode2session answered without an object");
                throw unavailable(BUSY_RETRY_SECONDS);
            }
        } catch (TimeoutException e) {
            LOG.warn("WeChat jscode2session timed out");
            throw unavailable(BUSY_RETRY_SECONDS);
        } catch (WebApplicationException e) {
            LOG.warnf("WeChat jscode2session answered HTTP %d", e.getResponse().getStatus());
            throw unavailable(BUSY_RETRY_SECONDS);
        } catch (IOException | ProcessingException | CompletionException e) {
            LOG.warnf("WeChat jscode2session failed: %s", e.getClass().getSimpleName());
            throw unavailable(BUSY_RETRY_SECONDS);
        }
        int errcode = session.errcode() == null ? 0 : session.errcode();
        switch (errcode) {
            case 0 -> {
                if (session.openid() == null || session.openid().isBlank()) {
                    LOG.warn("WeChat jscode2session answered without an openid");
                    throw unavailable(BUSY_RETRY_SECONDS);
                }
                return new Identity(session.openid(), Optional.ofNullable(session.unionid()).filter(u -> !u.isBlank()));
            }
            case 40029, 40163 -> throw new ProblemException(IdentityProblem.WECHAT_CODE_INVALID);
            case 40226 -> {
                LOG.info("WeChat refused the code of a user it considers high-risk (40226)");
                throw new ProblemException(IdentityProblem.WECHAT_USER_REFUSED);
            }
            case 45011 -> {
                // the mini-program's call quota: every sign-in fails until it resets (WeChat's errmsg says a minute)
                LOG.warnf("WeChat jscode2session answered errcode 45011 (the mini-program's API call quota is used up):"
                        + " sign-ins answer 503 WECHAT_UNAVAILABLE, Retry-After %d s", RATE_LIMIT_RETRY_SECONDS);
                throw unavailable(RATE_LIMIT_RETRY_SECONDS);
            }
            case -1 -> {
                LOG.warnf("WeChat jscode2session answered errcode -1 (WeChat's system is busy): sign-ins answer 503 "
                        + "WECHAT_UNAVAILABLE, Retry-After %d s", BUSY_RETRY_SECONDS);
                throw unavailable(BUSY_RETRY_SECONDS);
            }
            default -> {
                // 40013 (bad appid), 40125 (bad secret) and the like: our settings, not the user
                LOG.errorf("WeChat jscode2session refused with errcode %d; check zhibu.wechat.app-id and app-secret",
                        errcode);
                throw unavailable(RATE_LIMIT_RETRY_SECONDS);
            }
        }
    }

    private static ProblemException unavailable(long seconds) {
        return new ProblemException(IdentityProblem.WECHAT_UNAVAILABLE, seconds).header(RateLimiter.RETRY_AFTER, seconds);
    }

    /** A WeChat user of our mini-program. */
    public record Identity(String openid, Optional<String> unionid) {
    }

    /** The fields of WeChat's answer we keep; {@code session_key} deliberately is not one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(@JsonProperty("openid") String openid, @JsonProperty("unionid") String unionid,
            @JsonProperty("errcode") Integer errcode) {
    }
}
