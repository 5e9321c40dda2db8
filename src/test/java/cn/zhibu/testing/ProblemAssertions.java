package cn.zhibu.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import cn.zhibu.platform.problem.Problem;
import cn.zhibu.platform.problem.ProblemKind;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;

/** Checks that an answer is the documented problem+json for this status and code. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo(ProblemKind.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)))
                .body("instance", startsWith("/v1/"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
