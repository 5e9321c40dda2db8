package cn.zhibu.study.quiz;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The question banks of quizzes (题库): kept by those who publish study materials on a unit. */
@Path("/v1/quiz-questions")
@Tag(name = "quizzes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class QuizQuestionsResource {

    private static final String BASE = "/v1/quiz-questions/";

    private final QuestionBank bank;
    private final Pagination pagination;
    private final Access access;
    private final JsonWebToken token;

    QuizQuestionsResource(QuestionBank bank, Pagination pagination, Access access, JsonWebToken token) {
        this.bank = bank;
        this.pagination = pagination;
        this.access = access;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "createQuizQuestion", summary = "Add a question to a unit's bank",
            description = "Secretaries and org admins of the unit. Quizzes of the unit and of the units under it "
                    + "may use it.")
    @APIResponse(responseCode = "201", description = "The question was added (or, on a replay, had been)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = QuestionViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "QuizQuestionRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid QuestionViews.Create request) {
        access.requireNamed(Action.STUDY_MATERIAL_WRITE, request.unitId(),
                () -> new ProblemException(QuizProblem.QUESTION_UNIT_NOT_FOUND, request.unitId().toString()));
        QuestionViews.View question = bank.create(request, token.getSubject());
        return Response.created(URI.create(BASE + question.id())).tag(EntityTags.of(question.version()))
                .entity(question).build();
    }

    @GET
    @Operation(operationId = "listQuizQuestions", summary = "The questions a unit's quizzes may use",
            description = "Those of the unit's own bank and of the banks of the units above it, retired ones "
                    + "included (retiredAt says), newest first. Secretaries and org admins of the unit.")
    @APIResponse(responseCode = "200", description = "One page of questions")
    public QuestionViews.Page list(
            @Parameter(required = true, description = "The unit", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId", "UUID"));
        access.require(Action.STUDY_MATERIAL_WRITE, unit);
        Page<QuestionViews.View> page = bank.availableTo(unit, pagination.request(limit, cursor,
                "quiz-questions?unit=" + unit));
        return new QuestionViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuizQuestion", summary = "Read one question, with its answer",
            description = "Those who manage quizzes on its unit or on a unit under it (secretaries and org admins). "
                    + "Sends an ETag; with If-None-Match naming it, answers 304.")
    @APIResponseSchema(value = QuestionViews.View.class, responseCode = "200", responseDescription = "The question")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        QuestionViews.View question = bank.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!bank.usableWithin(access.reach(Action.STUDY_MATERIAL_WRITE), question.unitId())) {
            access.require(Action.STUDY_MATERIAL_WRITE, question.unitId());
        }
        return EntityTags.read(question, question.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeQuizQuestion", summary = "Change a question",
            description = "Its kind, text, options, answer and explanation (its unit stays), checked as when it "
                    + "was added. Not once retired.")
    @APIResponseSchema(value = QuestionViews.View.class, responseCode = "200",
            responseDescription = "The changed question")
    @APIResponse(ref = "QuizQuestionConflict", responseCode = "409")
    @APIResponse(ref = "QuizQuestionRefused", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid QuestionViews.Change request) {
        writable(id);
        QuestionViews.View question = bank.change(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(question, question.version());
    }

    @POST
    @Path("{id}/retire")
    @Operation(operationId = "retireQuizQuestion", summary = "Retire a question",
            description = "No new quiz may use it from now on; quizzes that hold it keep it, and attempts keep "
                    + "their copy. Retiring it again changes nothing.")
    @APIResponseSchema(value = QuestionViews.View.class, responseCode = "200",
            responseDescription = "The retired question")
    public Response retire(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writable(id);
        QuestionViews.View question = bank.retire(id, IfMatch.parse(ifMatch));
        return EntityTags.changed(question, question.version());
    }

    private void writable(UUID id) {
        QuestionViews.View question = bank.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.STUDY_MATERIAL_WRITE, question.unitId());
    }
}
