package cn.zhibu.platform.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Refuses a request whose declared body is over {@link RequestLimits#MAX_BODY_BYTES} with a 413
 * problem before anything reads it.
 */
@ApplicationScoped
public class OversizeBodies {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredOver(length)) {
                var locale = ProblemMessages.resolve(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                Problem problem = Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, locale, context.request().path(),
                        List.of(), RequestLimits.MAX_BODY_BYTES);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Problems.json(problem));
                return;
            }
            context.next();
        });
    }

    private static boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > RequestLimits.MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
