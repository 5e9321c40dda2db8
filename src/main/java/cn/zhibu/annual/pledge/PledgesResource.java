package cn.zhibu.annual.pledge;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
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

/** Pledges (承诺书) of branches: written by the secretary, signed by each member once, then never changed. */
@Path("/v1/pledges")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PledgesResource {

    private final PledgeService pledges;
    private final PledgeSignatures signatures;
    private final PledgeAccess guard;
    private final Access access;
    private final Pagination pagination;
    private final JsonWebToken token;

    PledgesResource(PledgeService pledges, PledgeSignatures signatures, PledgeAccess guard, Access access,
            Pagination pagination, JsonWebToken token) {
        this.pledges = pledges;
        this.signatures = signatures;
        this.guard = guard;
        this.access = access;
        this.pagination = pagination;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPledge", summary = "Write a branch's pledge of a year",
            description = "One per branch and year: a second answers 409 PLEDGE_EXISTS naming the first (in its "
                    + "detail and Location). Those who manage the branch's annual cycle (secretaries, org admins).")
    @APIResponse(responseCode = "201", description = "The pledge",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PledgeViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@NotNull @Valid PledgeViews.Create request) {
        access.requireNamed(Action.ANNUAL_MANAGE, request.unitId(),
                () -> new ProblemException(PledgeProblem.PLEDGE_UNIT_NOT_FOUND, request.unitId().toString()));
        PledgeViews.View pledge = pledges.create(request, token.getSubject());
        return Response.created(URI.create("/v1/pledges/" + pledge.id())).tag(EntityTags.of(pledge.version()))
                .entity(pledge).build();
    }

    @GET
    @Operation(operationId = "listPledges", summary = "A branch's pledges, latest year first",
            description = "For those who may see the unit's annual cycle.")
    @APIResponseSchema(value = PledgeViews.Page.class, responseCode = "200", responseDescription = "One page")
    public PledgeViews.Page list(
            @Parameter(description = "The branch", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this year's", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "2000", maximum = "2100")) @QueryParam("year") String year,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId).orElseThrow(() -> new ProblemException(
                ProblemCode.INVALID_PARAMETER, "unitId", "00000000-0000-0000-0000-000000000000"));
        access.require(Action.ANNUAL_READ, unit);
        Integer which = QueryParams.year("year", year).orElse(null);
        Page<PledgeViews.View> page = pledges.list(unit, which,
                pagination.request(limit, cursor, "pledges?unit=" + unit + "&year=" + which));
        return new PledgeViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPledge", summary = "Read a pledge",
            description = "With how many signed it; those who manage the unit's annual cycle see too how many of "
                    + "its current members have not (a figure, never a list). The ETag is the version, which each "
                    + "signature bumps; with If-None-Match naming it, 304.")
    @APIResponseSchema(value = PledgeViews.View.class, responseCode = "200", responseDescription = "The pledge")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        guard.readable(id);
        PledgeViews.View pledge = pledges.view(id);
        return EntityTags.read(pledge, pledge.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePledge", summary = "Change a pledge nobody has signed",
            description = "Its title, preamble and standards (all of them). After the first signature: 409 "
                    + "PLEDGE_SIGNED, a signed pledge never changes.")
    @APIResponseSchema(value = PledgeViews.View.class, responseCode = "200", responseDescription = "The pledge")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PledgeViews.Change request) {
        guard.managed(id);
        PledgeViews.View pledge = pledges.change(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(pledge, pledge.version());
    }

    @POST
    @Path("{id}/signatures")
    @Operation(operationId = "signPledge", summary = "Sign a pledge",
            description = "By a current member of the pledge's unit for themself, once: a second answers 409 "
                    + "PLEDGE_ALREADY_SIGNED (Location: their signature). The signature keeps the exact text signed "
                    + "and its SHA-256.")
    @APIResponse(responseCode = "201", description = "The signature",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PledgeViews.Signature.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response sign(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        guard.readable(id);
        PledgeViews.Signature signature = signatures.sign(id, guard.caller());
        return Response.created(URI.create("/v1/pledges/" + id + "/signatures/me")).entity(signature).build();
    }

    @GET
    @Path("{id}/signatures/me")
    @Operation(operationId = "getMyPledgeSignature", summary = "The caller's own signature of a pledge",
            description = "The text they signed and its SHA-256; 404 if they have not signed.")
    @APIResponseSchema(value = PledgeViews.Signature.class, responseCode = "200", responseDescription = "It")
    public PledgeViews.Signature mine(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        guard.readable(id);
        return signatures.of(id, guard.caller()).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    @GET
    @Path("{id}/signatures")
    @Operation(operationId = "listPledgeSignatures", summary = "Who signed a pledge, and when",
            description = "In the order they signed. Those who manage the unit's annual cycle.")
    @APIResponseSchema(value = PledgeViews.SignerPage.class, responseCode = "200", responseDescription = "One page")
    public PledgeViews.SignerPage signers(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        guard.managed(id);
        Page<PledgeViews.Signer> page = signatures.signers(id,
                pagination.request(limit, cursor, "pledge-signatures?pledge=" + id));
        return new PledgeViews.SignerPage(page.items(), page.nextCursor());
    }
}
