package cn.zhibu.points.imports;

import cn.zhibu.platform.csv.CsvFile;
import cn.zhibu.platform.csv.CsvProblem;
import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.problem.FieldError;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemKind;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.problem.RequestLimits;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.points.PointsProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports of points earned on other study platforms (外部学习平台积分导入), as JSON or CSV. */
@Path("/v1/points/imports")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PointsImportsResource {

    static final String CSV = "text/csv";
    /** Line problems shown in a refusal, at most (the detail counts them all). */
    static final int MAX_ERRORS_SHOWN = 100;
    private static final String EXAMPLE_JSON = """
            {"items": [{"externalId": "xxqg-2026-000123", "personExternalId": "HR-000123", "points": 5,
              "date": "2026-03-15", "reason": "学习强国 2026年3月积分"}]}""";
    private static final String EXAMPLE_CSV = """
            记录编号,人员外部编号,积分,日期,事由
            xxqg-2026-000123,HR-000123,5,2026-03-15,学习强国 2026年3月积分
            xxqg-2026-000124,HR-000124,3,2026/3/16,
            """;
    private static final Map<String, ProblemKind> LINE_PROBLEMS = new HashMap<>();

    static {
        List<ProblemKind> kinds = new ArrayList<>(List.of(CsvProblem.values()));
        kinds.addAll(List.of(PointsImportProblem.values()));
        kinds.add(PointsProblem.POINTS_NO_RULE);
        kinds.forEach(kind -> LINE_PROBLEMS.put(kind.name(), kind));
    }

    private final PointsImportService imports;
    private final Access access;
    private final Validator validator;
    private final ObjectMapper json;
    private final RoutingContext routing;
    private final JsonWebToken token;

    PointsImportsResource(PointsImportService imports, Access access, Validator validator, ObjectMapper json,
            RoutingContext routing, JsonWebToken token) {
        this.imports = imports;
        this.access = access;
        this.validator = validator;
        this.json = json;
        this.routing = routing;
        this.token = token;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @Idempotent
    @Operation(operationId = "importPoints", summary = "Import points earned on other study platforms",
            description = "Credits EXTERNAL_IMPORT points, each record under the EXTERNAL_IMPORT rule of the "
                    + "person's branch on the record's date.")
    @RequestBody(required = true, description = "The records, as JSON or as a CSV file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PointsImportViews.Request.class),
                    examples = @ExampleObject(name = "one record", value = EXAMPLE_JSON)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = RequestLimits.MAX_BODY_BYTES),
                    examples = @ExampleObject(name = "two records", value = EXAMPLE_CSV))})
    @APIResponseSchema(value = PointsImportViews.Result.class, responseCode = "200",
            responseDescription = "What was credited, and what had been imported before")
    @APIResponse(responseCode = "415", description = "The body is neither application/json nor text/csv (or has no "
            + "Content-Type), or its charset is neither UTF-8 nor GB18030 (code UNSUPPORTED_MEDIA_TYPE or IMPORT_NOT_CSV)",
            headers = @Header(name = "Content-Language", ref = "Content-Language"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(ref = "PointsImportBusy", responseCode = "409")
    @APIResponse(ref = "PointsImportRefused", responseCode = "422")
    public Response importPoints(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @Parameter(description = "Only check the records and tell what would be credited; write nothing",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Parameter(hidden = true) String acceptLanguage) {
        if (access.reach(Action.POINTS_IMPORT).none()) {
            throw new ProblemException(ProblemCode.FORBIDDEN); // no answer about any line to those who import nowhere
        }
        boolean dry = QueryParams.flag("dryRun", dryRun);
        MediaType type = mediaType(contentType);
        byte[] body = routing.body() == null || routing.body().buffer() == null ? new byte[0]
                : routing.body().buffer().getBytes();
        List<ImportLine> lines;
        LineErrors errors;
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            lines = ImportLines.of(request(body));
            errors = new LineErrors();
        } else {
            ImportLines.Read read = ImportLines.of(body, CsvFile.charsetParameter(contentType), validator);
            lines = read.lines();
            errors = read.errors();
        }
        PointsImportService.Outcome outcome = imports.run(lines, errors, dry, PointsImportService.Permit.of(access),
                token.getSubject());
        if (!outcome.errors().isEmpty()) {
            throw refusal(outcome.errors(), ProblemMessages.resolve(acceptLanguage));
        }
        return Response.ok(outcome.result()).build();
    }

    /** The body's media type; 415 when the request names none (or an unreadable one). */
    private static MediaType mediaType(String contentType) {
        try {
            if (contentType != null && !contentType.isBlank()) {
                return MediaType.valueOf(contentType);
            }
        } catch (IllegalArgumentException e) {
            // answered below, as a missing type is
        }
        throw new ProblemException(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
    }

    /** The JSON body, read and validated as a JSON body of any other operation would be (400 when wrong). */
    private PointsImportViews.Request request(byte[] body) {
        PointsImportViews.Request request;
        try {
            request = json.readValue(body, PointsImportViews.Request.class);
        } catch (IOException e) {
            // answered as the framework's own body-reading failures are (MALFORMED_JSON, VALIDATION_FAILED)
            throw new jakarta.ws.rs.BadRequestException(e);
        }
        if (request == null) {
            throw new ProblemException(ProblemCode.VALIDATION_FAILED, List.of(new FieldError("items", "NOT_NULL",
                    "must not be null")), 1);
        }
        if (request.items() != null && request.items().isEmpty()) {
            throw new ProblemException(PointsImportProblem.POINTS_IMPORT_EMPTY); // as a CSV header alone is
        }
        Set<ConstraintViolation<PointsImportViews.Request>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static ProblemException refusal(LineErrors errors, Locale locale) {
        List<FieldError> shown = errors.byLine().stream().limit(MAX_ERRORS_SHOWN).map(e -> new FieldError(
                e.column() == null ? "line" : e.column(), e.code(), message(e, locale), e.line())).toList();
        return new ProblemException(PointsImportProblem.POINTS_IMPORT_INVALID, shown, errors.count());
    }

    private static String message(LineError error, Locale locale) {
        ProblemKind kind = LINE_PROBLEMS.get(error.code());
        if (kind == null) {
            return error.code();
        }
        return LineError.message(kind, error.args(), locale);
    }
}
