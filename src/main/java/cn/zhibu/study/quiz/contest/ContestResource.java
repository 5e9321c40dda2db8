package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.study.quiz.QuizService;
import cn.zhibu.study.quiz.QuizViews;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Contests at sessions (趣味竞答): a quiz of the branch answered during one of its sessions, ranked per person and
 * per party group. Those who manage the session's party days and write the quiz link it; whoever reads the
 * session's party days reads the contest and its result table. Members answer it as any quiz
 * ({@code /v1/quizzes/{id}/attempts}).
 */
@Path("/v1/party-days")
@Tag(name = "quizzes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class ContestResource {

    private final ContestSessions sessions;
    private final ContestService contests;
    private final ContestResults results;
    private final QuizService quizzes;
    private final Access access;
    private final JsonWebToken token;

    ContestResource(ContestSessions sessions, ContestService contests, ContestResults results, QuizService quizzes,
            Access access, JsonWebToken token) {
        this.sessions = sessions;
        this.contests = contests;
        this.results = results;
        this.quizzes = quizzes;
        this.access = access;
        this.token = token;
    }

    @POST
    @Path("{id}/contest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartyDayContest", summary = "Hold a quiz as the session's contest (趣味竞答)",
            description = "The quiz (standing alone, for the session's branch) is answered from the margin before "
                    + "the session starts until the margin after it ends (zhibu.contests.margin); its own window is set "
                    + "to that. TEAMS ranks the branch's party groups as well as each person. Refused: 422 "
                    + "CONTEST_QUIZ_NOT_FOUND, CONTEST_QUIZ_ON_MATERIAL, CONTEST_QUIZ_AUDIENCE (a quiz for another "
                    + "unit), CONTEST_KIND_NOT_ALLOWED (zhibu.contests.kinds), CONTEST_NO_TEAMS (TEAMS for a branch "
                    + "without party groups); 409 CONTEST_EXISTS, CONTEST_QUIZ_LINKED, CONTEST_QUIZ_WITHDRAWN, "
                    + "CONTEST_SESSION_CANCELLED, CONTEST_SESSION_OVER. Nothing is stored then.")
    @APIResponse(responseCode = "201", description = "The contest",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContestViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid ContestViews.Create request) {
        ContestSessions.Session session = readable(id);
        access.require(Action.PARTY_DAY_MANAGE, session.branchId());
        QuizViews.View quiz = quizzes.find(request.quizId()).orElseThrow(() -> unknownQuiz(request.quizId()));
        access.requireNamed(Action.STUDY_MATERIAL_WRITE, quiz.unitId(), () -> unknownQuiz(request.quizId()));
        ContestViews.View contest = contests.link(session, request, token.getSubject());
        return Response.created(URI.create("/v1/party-days/" + id + "/contest")).entity(contest).build();
    }

    @GET
    @Path("{id}/contest")
    @Operation(operationId = "getPartyDayContest", summary = "The session's contest",
            description = "Its quiz, mode and window. 404 when the session has none.")
    @APIResponseSchema(value = ContestViews.View.class, responseCode = "200", responseDescription = "The contest")
    public ContestViews.View get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return contests.find(readable(id)).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    @GET
    @Path("{id}/contest/results")
    @Operation(operationId = "getPartyDayContestResults", summary = "The result table of the session's contest",
            description = "Each person who answered, once (their first attempt submitted that started within the "
                    + "window), best first; in TEAMS mode each party group of the branch too, ranked by the mean "
                    + "score of its answering members (see teamRule). People who appear as anonymous on boards are "
                    + "shown without name or id. 404 when the session has no contest.")
    @APIResponseSchema(value = ContestViews.Results.class, responseCode = "200",
            responseDescription = "The result table as it stands")
    public ContestViews.Results results(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return results.of(readable(id));
    }

    /** The session; 404 unless it exists and the caller may see its branch's party days. */
    private ContestSessions.Session readable(UUID id) {
        ContestSessions.Session session = sessions.find(id)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.PARTY_DAY_READ, session.branchId())) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return session;
    }

    private static ProblemException unknownQuiz(UUID quizId) {
        return new ProblemException(ContestProblem.CONTEST_QUIZ_NOT_FOUND, quizId.toString());
    }
}
