package cn.zhibu.study.checkin;

import cn.zhibu.platform.problem.Problem;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.problem.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers {@link CheckInExists} with the problem and, as {@code existing}, the check-in already made. */
public class CheckInExistsMapper {

    @ServerExceptionMapper
    public Response exists(CheckInExists e, HttpHeaders headers, UriInfo uri) {
        Locale locale = ProblemMessages.resolve(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String instance = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        Problem problem = Problems.of(e.code(), locale, instance, List.of(), e.args());
        return Response.status(e.code().status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(new CheckInViews.Conflict(problem.type(), problem.title(), problem.status(), problem.detail(),
                        problem.instance(), problem.code(), e.existing()))
                .build();
    }
}
