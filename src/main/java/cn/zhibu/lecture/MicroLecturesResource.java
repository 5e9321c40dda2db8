package cn.zhibu.lecture;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
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

/** Micro lectures (微型党课): my slots, one slot, reassigning it, asking a colleague to swap, recording delivery. */
@Path("/v1/micro-lectures")
@Tag(name = "lectures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MicroLecturesResource {

    private final MicroLectureService lectures;
    private final Access access;
    private final HttpHeaders headers;
    private final JsonWebToken token;

    MicroLecturesResource(MicroLectureService lectures, Access access, HttpHeaders headers, JsonWebToken token) {
        this.lectures = lectures;
        this.access = access;
        this.headers = headers;
        this.token = token;
    }

    @GET
    @Operation(operationId = "listMyMicroLectures", summary = "My lecture slots",
            description = "The caller's own slots, planned, delivered or not, the latest session first (the latest "
                    + "100). Empty for callers who are not a person.")
    @APIResponseSchema(value = LectureViews.Mine.class, responseCode = "200", responseDescription = "My slots")
    public LectureViews.Mine mine() {
        return new LectureViews.Mine(access.personId().map(p -> lectures.mine(p, locale())).orElse(List.of()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMicroLecture", summary = "Read a lecture slot",
            description = "For those who may see its branch's party days. Sends an ETag (for reassigning it).")
    @APIResponseSchema(value = PartyDayViews.Lecture.class, responseCode = "200", responseDescription = "The slot")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        branchOf(id, Action.PARTY_DAY_READ);
        PartyDayViews.Lecture lecture = lectures.view(id, locale());
        return EntityTags.read(lecture, lecture.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}/speaker")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reassignMicroLecture", summary = "Give a lecture slot to someone, or empty it",
            description = "A secretary chooses the speaker (REASSIGNED, pinned: re-planning keeps it) or empties "
                    + "the slot for the rotation.")
    @APIResponseSchema(value = PartyDayViews.Lecture.class, responseCode = "200", responseDescription = "The slot")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response reassign(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LectureViews.Speaker speaker) {
        access.require(Action.PARTY_DAY_MANAGE, branchOf(id, Action.PARTY_DAY_READ));
        PartyDayViews.Lecture lecture = lectures.reassign(id, IfMatch.parse(ifMatch), speaker.personId(), locale());
        return EntityTags.changed(lecture, lecture.version());
    }

    @POST
    @Path("{id}/swaps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestLectureSwap", summary = "Ask a colleague to take my lecture slot",
            description = "The slot's speaker (403 SWAP_NOT_YOURS otherwise) asks a colleague who can lecture "
                    + "that day and has no slot of the session.")
    @APIResponseSchema(value = LectureViews.Swap.class, responseCode = "201", responseDescription = "The request")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response requestSwap(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid LectureViews.SwapRequest request) {
        UUID person = access.personId().orElseThrow(() -> new ProblemException(LectureProblem.LECTURE_NOT_A_PERSON));
        branchOf(id, Action.PARTY_DAY_READ);
        return Response.status(201).entity(lectures.requestSwap(id, person, request)).build();
    }

    @POST
    @Path("{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordLectureDelivery", summary = "Record whether a lecture was delivered",
            description = "Once the session has started (409 PARTY_DAY_NOT_STARTED), once per slot (409 "
                    + "LECTURE_RECORDED), for a slot with a speaker (409 LECTURE_NO_SPEAKER), not for cancelled "
                    + "sessions.")
    @APIResponse(responseCode = "200", description = "The slot", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartyDayViews.Lecture.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response deliver(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid LectureViews.Delivery delivery) {
        access.require(Action.PARTY_DAY_MANAGE, branchOf(id, Action.PARTY_DAY_READ));
        PartyDayViews.Lecture lecture = lectures.deliver(id, delivery, token.getSubject(), locale());
        return EntityTags.changed(lecture, lecture.version());
    }

    /** The lecture's branch, if the caller may do this there; out of sight: not found. */
    private UUID branchOf(UUID lectureId, Action action) {
        UUID branch = lectures.branchOf(lectureId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(action, branch)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return branch;
    }

    private Locale locale() {
        return ProblemMessages.of(headers);
    }
}
