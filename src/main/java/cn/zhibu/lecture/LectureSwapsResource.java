package cn.zhibu.lecture;

import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Swap requests of lecture slots: mine, and answering them. */
@Path("/v1/lecture-swaps")
@Tag(name = "lectures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class LectureSwapsResource {

    private final MicroLectureService lectures;
    private final Access access;

    LectureSwapsResource(MicroLectureService lectures, Access access) {
        this.lectures = lectures;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listMyLectureSwaps", summary = "Swap requests I made or was asked",
            description = "The latest 100, latest first. Empty for callers who are not a person.")
    @APIResponseSchema(value = LectureViews.Swaps.class, responseCode = "200", responseDescription = "The requests")
    public LectureViews.Swaps mine() {
        return new LectureViews.Swaps(access.personId().map(lectures::swaps).orElse(List.of()));
    }

    @POST
    @Path("{id}/accept")
    @Operation(operationId = "acceptLectureSwap", summary = "Take a colleague's lecture slot",
            description = "The colleague asked (403 SWAP_NOT_YOURS for the requester; others: not found) takes "
                    + "the slot: SWAPPED, pinned; the fairness counts follow, as they count who actually "
                    + "lectures.")
    @APIResponseSchema(value = LectureViews.Swap.class, responseCode = "200",
            responseDescription = "The accepted request")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public LectureViews.Swap accept(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return lectures.answer(id, person(), LectureSwap.State.ACCEPTED);
    }

    @POST
    @Path("{id}/decline")
    @Operation(operationId = "declineLectureSwap", summary = "Decline a colleague's swap request",
            description = "The colleague asked; only while PENDING (409 SWAP_DECIDED). The slot stays the speaker's.")
    @APIResponseSchema(value = LectureViews.Swap.class, responseCode = "200",
            responseDescription = "The declined request")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public LectureViews.Swap decline(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return lectures.answer(id, person(), LectureSwap.State.DECLINED);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawLectureSwap", summary = "Withdraw my swap request",
            description = "The speaker who asked; only while PENDING (409 SWAP_DECIDED).")
    @APIResponseSchema(value = LectureViews.Swap.class, responseCode = "200",
            responseDescription = "The withdrawn request")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public LectureViews.Swap withdraw(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return lectures.answer(id, person(), LectureSwap.State.WITHDRAWN);
    }

    private UUID person() {
        return access.personId().orElseThrow(() -> new ProblemException(LectureProblem.LECTURE_NOT_A_PERSON));
    }
}
