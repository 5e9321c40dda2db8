package cn.zhibu.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Requests to the running service over real HTTP. Every answer is checked against the committed
 * contract (openapi/openapi.yaml), types and nulls included (see {@link ValidatorContract}); requests are not,
 * so tests may send bad ones on purpose.
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

    /**
     * A request with a real access token of a real account holding these roles: ORG_ADMIN everywhere;
     * other roles on no unit (signed in, seeing nothing). See {@link #as(String, String, UUID)}.
     */
    public static RequestSpecification as(String name, String... roles) {
        return anonymous().auth().oauth2(token(name, roles));
    }

    /** A request by an account holding this role on this unit (and so its subtree). */
    public static RequestSpecification as(String name, String role, UUID unitId) {
        return anonymous().auth().oauth2(TestAccounts.token(TestAccounts.account(name, unitId, role)));
    }

    /** A request with this bearer token. */
    public static RequestSpecification bearer(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static String token(String name, String... roles) {
        return TestAccounts.token(TestAccounts.account(name, null, roles));
    }

    private static synchronized OpenApiValidationFilter contract() {
        if (contractFilter == null && Files.exists(CONTRACT)) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(ValidatorContract.read(CONTRACT))
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            contractFilter = new OpenApiValidationFilter(validator);
        }
        return contractFilter;
    }
}
