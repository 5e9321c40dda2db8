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
import cn.zhibu.platform.time.BusinessCalendar;
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
import java.util.List;
import java.util.Optional;
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

/** Quizzes (一学一测): made by those who publish study materials, taken by the members of their audience. */
@Path("/v1/quizzes")
@Tag(name = "quizzes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class QuizzesResource {

    private static final String BASE = "/v1/quizzes/";

    private final QuizService quizzes;
    private final QuizAttempts attempts;
    private final Pagination pagination;
    private final Access access;
    private final BusinessCalendar calendar;
    private final JsonWebToken token;

    QuizzesResource(QuizService quizzes, QuizAttempts attempts, Pagination pagination, Access access,
            BusinessCalendar calendar, JsonWebToken token) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.pagination = pagination;
        this.access = access;
        this.calendar = calendar;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "createQuiz", summary = "Make a quiz on a study material, or one standing alone",
            description = "On a material (materialId): for the material's audience, open while the material is.")
    @APIResponse(responseCode = "201", description = "The quiz was made (or, on a replay, had been)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = QuizViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "QuizRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid QuizViews.Create request) {
        UUID audience = quizzes.audienceOf(request);
        access.requireNamed(Action.STUDY_MATERIAL_WRITE, audience, () -> request.materialId() != null
                ? new ProblemException(QuizProblem.QUIZ_MATERIAL_NOT_FOUND, request.materialId().toString())
                : new ProblemException(QuizProblem.QUIZ_UNIT_NOT_FOUND, audience.toString()));
        QuizViews.View quiz = quizzes.create(request, token.getSubject());
        return Response.created(URI.create(BASE + quiz.id())).tag(EntityTags.of(quiz.version())).entity(quiz).build();
    }

    @GET
    @Operation(operationId = "listQuizzes", summary = "Quizzes open to me, or those of a unit",
            description = "Without `unitId`: the quizzes open to the caller now (their own person is in the "
                    + "audience, inside the quiz's window or its material's, not withdrawn).")
    @APIResponse(responseCode = "200", description = "One page of quizzes")
    public QuizViews.Page list(
            @Parameter(description = "List the quizzes of this unit's subtree (managers)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        Page<QuizViews.View> page;
        if (unit.isPresent()) {
            access.require(Action.STUDY_MATERIAL_WRITE, unit.get());
            page = quizzes.under(unit.get(), pagination.request(limit, cursor, "quizzes?unit=" + unit.get()));
        } else {
            Optional<UUID> person = access.personId();
            var request = pagination.request(limit, cursor, "quizzes?person=" + person.map(UUID::toString).orElse(""));
            page = person.map(p -> quizzes.openTo(p, request)).orElseGet(() -> new Page<>(List.of(), null));
        }
        return new QuizViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuiz", summary = "Read one quiz (never its answers)",
            description = "Once it has opened and until it is withdrawn, those in its audience and those whose "
                    + "roles reach its unit read it (a closed one too).")
    @APIResponseSchema(value = QuizViews.View.class, responseCode = "200", responseDescription = "The quiz")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        QuizViews.View quiz = readable(id);
        return EntityTags.read(quiz, quiz.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeQuiz", summary = "Change a quiz",
            description = "Its title, questions, time limit, pass score and, standing alone, its window (its "
                    + "material or unit stays). Not once withdrawn.")
    @APIResponseSchema(value = QuizViews.View.class, responseCode = "200", responseDescription = "The changed quiz")
    @APIResponse(ref = "QuizConflict", responseCode = "409")
    @APIResponse(ref = "QuizRefused", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid QuizViews.Change request) {
        writable(id);
        QuizViews.View quiz = quizzes.change(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(quiz, quiz.version());
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawQuiz", summary = "Withdraw a quiz",
            description = "Closes it from now on for good; it is kept with its attempts. Attempts already started "
                    + "may still be submitted.")
    @APIResponseSchema(value = QuizViews.View.class, responseCode = "200", responseDescription = "The withdrawn quiz")
    public Response withdraw(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writable(id);
        QuizViews.View quiz = quizzes.withdraw(id, IfMatch.parse(ifMatch));
        return EntityTags.changed(quiz, quiz.version());
    }

    @POST
    @Path("{id}/attempts")
    @Idempotent(required = false)
    @Operation(operationId = "startQuizAttempt", summary = "Start an attempt at a quiz (members, as themselves)",
            description = "The caller's own person takes the quiz: callers who are not a person are refused (403 "
                    + "QUIZ_PERSON_REQUIRED).")
    @APIResponse(responseCode = "201", description = "The attempt was started (or, on a replay, had been)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttemptViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "QuizClosed", responseCode = "422")
    public Response start(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key) {
        readable(id);
        UUID person = access.personId().orElseThrow(() -> new ProblemException(QuizProblem.QUIZ_PERSON_REQUIRED));
        AttemptViews.View attempt = attempts.start(id, person, token.getSubject());
        return Response.created(URI.create("/v1/quiz-attempts/" + attempt.id())).tag(EntityTags.of(attempt.version()))
                .entity(attempt).build();
    }

    /**
     * The quiz if the caller may read it: managers of its unit in every state; once published and until withdrawn,
     * those in its audience and those whose roles reach its unit. Otherwise 404.
     */
    private QuizViews.View readable(UUID id) {
        QuizViews.View quiz = quizzes.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (access.allows(Action.STUDY_MATERIAL_WRITE, quiz.unitId())) {
            return quiz;
        }
        boolean seen = quizzes.publishedAt(quiz, calendar.now()) && (access.allows(Action.ORG_READ, quiz.unitId())
                || access.personId().map(person -> quizzes.inAudience(person, quiz.id())).orElse(false));
        if (!seen) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return quiz;
    }

    private void writable(UUID id) {
        QuizViews.View quiz = quizzes.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.STUDY_MATERIAL_WRITE, quiz.unitId());
    }
}
