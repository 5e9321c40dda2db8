package cn.zhibu.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Requests to the running service over real HTTP. Every answer is checked against the committed
 * contract (openapi/openapi.yaml); requests are not, so tests may send bad ones on purpose.
 */
public final class Api {

    public static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static OpenApiValidationFilter contractFilter;

    private Api() {
    }

    /** An anonymous request. */
    public static RequestSpecification anonymous() {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
        OpenApiValidationFilter filter = contract();
        return filter == null ? spec : spec.filter(filter);
    }

    /** A request with a real signed access token for this subject and these roles. */
    public static RequestSpecification as(String subject, String... roles) {
        return anonymous().auth().oauth2(token(subject, roles));
    }

    public static String token(String subject, String... roles) {
        return Jwt.issuer("https://zhibu.cn").audience("zhibu").subject(subject).upn(subject)
                .groups(Set.of(roles)).expiresIn(600).sign();
    }

    private static synchronized OpenApiValidationFilter contract() {
        if (contractFilter == null && Files.exists(CONTRACT)) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForSpecificationUrl(CONTRACT.toAbsolutePath().toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            contractFilter = new OpenApiValidationFilter(validator);
        }
        return contractFilter;
    }
}
