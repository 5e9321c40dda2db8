package cn.zhibu.points;

import cn.zhibu.org.people.PersonService;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** The points ledger (积分台账): manual awards, reversals, and reading a person's entries. */
@Path("/v1/points")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PointsResource {

    private final PointsLedger ledger;
    private final PersonService people;
    private final Pagination pagination;
    private final Access access;
    private final BusinessCalendar calendar;
    private final JsonWebToken token;
    private final PointsAccess readers;

    PointsResource(PointsLedger ledger, PersonService people, Pagination pagination, Access access,
            BusinessCalendar calendar, JsonWebToken token, PointsAccess readers) {
        this.ledger = ledger;
        this.people = people;
        this.pagination = pagination;
        this.access = access;
        this.calendar = calendar;
        this.token = token;
        this.readers = readers;
    }

    @POST
    @Path("awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "awardPoints", summary = "Award points by hand (secretaries)",
            description = "Credits MANUAL_AWARD points to a person today, with a reason, under the rule that "
                    + "holds in their branch; its daily and weekly caps may lower the points, to zero.")
    @APIResponse(responseCode = "201", description = "The ledger entry",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LedgerViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PointsRefused", responseCode = "422")
    public Response award(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid LedgerViews.Award request) {
        UUID branch = home(request.personId());
        access.require(Action.POINTS_AWARD, branch);
        LedgerViews.View entry = ledger.credit(new PointsLedger.Credit(request.personId(), branch, ActivityType.MANUAL_AWARD,
                "MANUAL_AWARD", UUID.randomUUID().toString(), calendar.today(), request.points(), request.reason(),
                token.getSubject()));
        return Response.created(URI.create("/v1/points/entries/" + entry.id())).entity(entry).build();
    }

    @POST
    @Path("entries/{id}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reverseLedgerEntry", summary = "Reverse a ledger entry (once), with a reason",
            description = "Adds an entry with the opposite points on the original's date and week; nothing is deleted.")
    @APIResponse(responseCode = "201", description = "The reversal", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response reverse(@Parameter(ref = "Id") @PathParam("id") UUID id, @NotNull @Valid LedgerViews.Reversal request) {
        LedgerViews.View original = ledger.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.POINTS_AWARD, home(original.personId()));
        LedgerViews.View reversal = ledger.reverse(id, request.reason(), token.getSubject());
        return Response.created(URI.create("/v1/points/entries/" + reversal.id())).entity(reversal).build();
    }

    @GET
    @Path("entries")
    @Operation(operationId = "listLedgerEntries", summary = "A person's ledger entries, newest first",
            description = "A member reads their own; group leaders, secretaries and org admins those of the people "
                    + "of their units (a group leader, of the members of their party group or department).")
    @APIResponse(responseCode = "200", description = "One page of entries")
    public LedgerViews.Page entries(
            @Parameter(required = true, description = "The person", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("personId") String personId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID person = QueryParams.uuid("personId", personId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "personId", "UUID"));
        readable(person);
        Page<LedgerViews.View> page = ledger.entries(person, pagination.request(limit, cursor, "ledger?person=" + person));
        return new LedgerViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("entries/{id}")
    @Operation(operationId = "getLedgerEntry", summary = "Read one ledger entry",
            description = "Entries never change.")
    @APIResponseSchema(value = LedgerViews.View.class, responseCode = "200", responseDescription = "The entry")
    public LedgerViews.View entry(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        LedgerViews.View entry = ledger.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        readable(entry.personId());
        return entry;
    }

    /** One's own ledger, or those of people of the branches or groups where the caller reads points. */
    private void readable(UUID personId) {
        readers.readable(personId);
    }

    private UUID home(UUID personId) {
        return people.homeUnit(personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }
}
