package cn.zhibu.study.quiz;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.http.EntityTags;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** Quiz attempts: members submit their own and read them; those who read points read others'. */
@Path("/v1/quiz-attempts")
@Tag(name = "quizzes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class QuizAttemptsResource {

    private final QuizAttempts attempts;
    private final PersonService people;
    private final Pagination pagination;
    private final Access access;
    private final JsonWebToken token;

    QuizAttemptsResource(QuizAttempts attempts, PersonService people, Pagination pagination, Access access,
            JsonWebToken token) {
        this.attempts = attempts;
        this.people = people;
        this.pagination = pagination;
        this.access = access;
        this.token = token;
    }

    @POST
    @Path("{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "submitQuizAttempt", summary = "Submit my attempt's answers, once, and get the result",
            description = "Only the attempt's own person. Scores each question right when the chosen keys are "
                    + "exactly the correct ones.")
    @APIResponse(responseCode = "200", description = "The submitted attempt with its result",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttemptViews.View.class)))
    @APIResponse(ref = "QuizAnswersInvalid", responseCode = "400")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response submit(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid AttemptViews.Submission submission) {
        UUID owner = attempts.ownerOf(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        Optional<UUID> caller = access.personId();
        if (!caller.map(owner::equals).orElse(false)) {
            access.require(Action.POINTS_READ, home(owner));
            throw new ProblemException(caller.isEmpty() ? QuizProblem.QUIZ_PERSON_REQUIRED : ProblemCode.FORBIDDEN);
        }
        AttemptViews.View attempt = attempts.submit(id, submission.answers(), token.getSubject());
        return Response.ok(attempt).tag(EntityTags.of(attempt.version())).build();
    }

    @GET
    @Operation(operationId = "listQuizAttempts", summary = "My quiz attempts, or a person's",
            description = "Without `personId`: the caller's own attempts (empty for callers who are not a person).")
    @APIResponse(responseCode = "200", description = "One page of attempts")
    public AttemptViews.Page list(
            @Parameter(description = "Only the attempts of this quiz", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("quizId") String quizId,
            @Parameter(description = "Whose attempts (default: the caller's own)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("personId") String personId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> quiz = QueryParams.uuid("quizId", quizId);
        Optional<UUID> person = QueryParams.uuid("personId", personId);
        if (person.isPresent()) {
            readable(person.get());
        } else {
            person = access.personId();
        }
        var request = pagination.request(limit, cursor, "quiz-attempts?person=" + person.map(UUID::toString).orElse("")
                + "&quiz=" + quiz.map(UUID::toString).orElse(""));
        Page<AttemptViews.Summary> page = person.isEmpty() ? new Page<>(List.of(), null)
                : attempts.of(person.get(), quiz, request);
        return new AttemptViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuizAttempt", summary = "Read one attempt",
            description = "Its own person, and group leaders, secretaries and org admins of their branch.")
    @APIResponseSchema(value = AttemptViews.View.class, responseCode = "200", responseDescription = "The attempt")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AttemptViews.View attempt = attempts.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        readable(attempt.personId());
        return EntityTags.read(attempt, attempt.version(), ifNoneMatch).build();
    }

    /** One's own attempts, or those of people in units where the caller reads points. */
    private void readable(UUID personId) {
        if (!access.personId().map(personId::equals).orElse(false)) {
            access.require(Action.POINTS_READ, home(personId));
        }
    }

    private UUID home(UUID personId) {
        return people.homeUnit(personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }
}
