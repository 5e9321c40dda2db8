package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attendees rate delivered micro lectures (微型党课). */
@Path("/v1/micro-lectures")
@Tag(name = "lectures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class LectureRatingsResource {

    private final LectureRatingService ratings;
    private final Access access;

    LectureRatingsResource(LectureRatingService ratings, Access access) {
        this.ratings = ratings;
        this.access = access;
    }

    @POST
    @Path("{id}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rateMicroLecture", summary = "Rate a delivered micro lecture",
            description = "A score from 1 to 5, by a member's own account (403 LECTURE_NOT_A_PERSON otherwise) "
                    + "that was PRESENT at the lecture's session and is not its speaker.")
    @APIResponseSchema(value = AttendanceViews.Rating.class, responseCode = "201", responseDescription = "The rating")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response rate(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid AttendanceViews.Rate request) {
        UUID person = access.personId().orElseThrow(() -> new ProblemException(LectureProblem.LECTURE_NOT_A_PERSON));
        if (!access.allows(Action.PARTY_DAY_READ, ratings.branchOf(id))) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return Response.status(Response.Status.CREATED).entity(ratings.rate(id, person, request.score())).build();
    }
}
