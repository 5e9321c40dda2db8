package cn.zhibu.identity.clients;

import cn.zhibu.identity.AccessPolicy;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import cn.zhibu.org.OrgUnitService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
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

/** API clients of scripts and dashboards. */
@Path("/v1/api-clients")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class ApiClientsResource {

    private final ApiClientService clients;
    private final AccessPolicy access;
    private final Pagination pagination;
    private final OrgUnitService units;

    ApiClientsResource(ApiClientService clients, AccessPolicy access, Pagination pagination, OrgUnitService units) {
        this.clients = clients;
        this.access = access;
        this.pagination = pagination;
        this.units = units;
    }

    @GET
    @Operation(operationId = "listApiClients", summary = "API clients of a unit's subtree, by name",
            description = "Without `unitId`, every client (for callers who manage clients everywhere).")
    @APIResponse(responseCode = "200", description = "One page of API clients")
    public ApiClientViews.Page list(
            @Parameter(description = "Clients bound to this unit or a unit under it", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        Optional<String> path = Optional.empty();
        if (unit.isPresent()) {
            access.require(Action.API_CLIENT_MANAGE, unit.get());
            path = units.path(unit.get());
        } else {
            access.requireEverywhere(Action.API_CLIENT_MANAGE);
        }
        Page<ApiClientViews.View> page = clients.list(path, pagination.request(limit, cursor,
                "api-clients?unit=" + unit.map(UUID::toString).orElse("")));
        return new ApiClientViews.Page(page.items(), page.nextCursor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiClient", summary = "Create an API client",
            description = "Scopes say what it may do, the unit where. The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "The client and its secret",
            headers = @Header(name = "Location", ref = "Location"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClientViews.WithSecret.class)))
    public Response create(@NotNull @Valid ApiClientViews.Create request) {
        access.require(Action.API_CLIENT_MANAGE, request.unitId());
        ApiClientViews.WithSecret made = clients.create(request, access.caller().id().toString());
        return Response.created(URI.create("/v1/api-clients/" + made.client().id())).entity(made).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiClient", summary = "Read one API client",
            description = "Never its secret.")
    @APIResponseSchema(value = ApiClientViews.View.class, responseCode = "200", responseDescription = "The client")
    public ApiClientViews.View get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return managed(id);
    }

    @POST
    @Path("{id}/rotate")
    @Operation(operationId = "rotateApiClientSecret", summary = "Replace an API client's secret",
            description = "The old secret, and every token got with it, stop working at once.")
    @APIResponseSchema(value = ApiClientViews.WithSecret.class, responseCode = "200",
            responseDescription = "The client and its new secret")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public ApiClientViews.WithSecret rotate(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        managed(id);
        return clients.rotate(id);
    }

    @POST
    @Path("{id}/revoke")
    @Operation(operationId = "revokeApiClient", summary = "Revoke an API client",
            description = "Its secret and every token it holds stop working at once. Revoking twice changes nothing.")
    @APIResponseSchema(value = ApiClientViews.View.class, responseCode = "200",
            responseDescription = "The revoked client")
    public ApiClientViews.View revoke(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        managed(id);
        return clients.revoke(id, access.caller().id().toString());
    }

    private ApiClientViews.View managed(UUID id) {
        ApiClientViews.View client = clients.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.API_CLIENT_MANAGE, client.unitId());
        return client;
    }
}
