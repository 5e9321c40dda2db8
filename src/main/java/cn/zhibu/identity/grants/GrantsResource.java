package cn.zhibu.identity.grants;

import cn.zhibu.identity.AccessPolicy;
import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.accounts.AccountService;
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

/** Roles granted on org units, and their revocation; the list is the audit of who granted what when. */
@Path("/v1/grants")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class GrantsResource {

    private final GrantService grants;
    private final AccountService accounts;
    private final cn.zhibu.org.people.PersonService people;
    private final AccessPolicy access;
    private final Pagination pagination;
    private final OrgUnitService units;

    GrantsResource(GrantService grants, AccountService accounts, AccessPolicy access, Pagination pagination,
            OrgUnitService units, cn.zhibu.org.people.PersonService people) {
        this.people = people;
        this.grants = grants;
        this.accounts = accounts;
        this.access = access;
        this.pagination = pagination;
        this.units = units;
    }

    @GET
    @Operation(operationId = "listGrants", summary = "Grants on a unit's subtree, newest first",
            description = "Without `unitId`, every grant (for callers who manage grants everywhere). Revoked grants "
                    + "(with who revoked them and when) only with `includeRevoked`.")
    @APIResponse(responseCode = "200", description = "One page of grants")
    public GrantViews.Page list(
            @Parameter(description = "Grants on this unit or a unit under it", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this account's grants", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("accountId") String accountId,
            @Parameter(description = "Include revoked grants", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("includeRevoked") String includeRevokedFlag,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        boolean includeRevoked = QueryParams.flag("includeRevoked", includeRevokedFlag);
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        Optional<UUID> account = QueryParams.uuid("accountId", accountId);
        Optional<String> path;
        if (unit.isPresent()) {
            access.require(Action.GRANT_MANAGE, unit.get());
            path = units.path(unit.get());
        } else {
            access.requireEverywhere(Action.GRANT_MANAGE);
            path = Optional.empty();
        }
        String query = "grants?unit=" + unit.map(UUID::toString).orElse("") + "&account="
                + account.map(UUID::toString).orElse("") + "&revoked=" + includeRevoked;
        Page<GrantViews.View> page = grants.list(path, account, includeRevoked, pagination.request(limit, cursor, query));
        return new GrantViews.Page(page.items(), page.nextCursor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createGrant", summary = "Grant a role on a unit (and its subtree)",
            description = "To an account, or to a person (whose account is made if needed). Without a unit, ORG_ADMIN "
                    + "everywhere, which only an org admin everywhere may grant.")
    @APIResponse(responseCode = "201", description = "Granted", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GrantViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "IdentityRefused", responseCode = "422")
    public Response create(@NotNull @Valid GrantViews.Request request) {
        if (request.unitId() == null) {
            access.requireEverywhere(Action.GRANT_MANAGE);
        } else {
            access.require(Action.GRANT_MANAGE, request.unitId());
        }
        if ((request.accountId() == null) == (request.personId() == null)) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "accountId/personId", "exactly one");
        }
        GrantViews.View grant;
        if (request.personId() != null) {
            // only people the caller can see, like everything else
            access.require(Action.GRANT_MANAGE, people.homeUnit(request.personId())
                    .orElseThrow(() -> new ProblemException(IdentityProblem.GRANT_ACCOUNT_NOT_FOUND, request.personId())));
            grant = accounts.grantToPerson(request.personId(), request.role().name(), request.unitId(), by());
        } else {
            grant = grants.grant(request.accountId(), request.role().name(), request.unitId(), by());
        }
        return Response.created(URI.create("/v1/grants/" + grant.id())).entity(grant).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getGrant", summary = "Read one grant",
            description = "A grant on a unit the caller manages grants in; revoked grants too.")
    @APIResponseSchema(value = GrantViews.View.class, responseCode = "200", responseDescription = "The grant")
    public GrantViews.View get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return visible(id);
    }

    @POST
    @Path("{id}/revoke")
    @Operation(operationId = "revokeGrant", summary = "Revoke a grant",
            description = "The grant stays, with who revoked it and when. The last ORG_ADMIN everywhere cannot be revoked.")
    @APIResponseSchema(value = GrantViews.View.class, responseCode = "200", responseDescription = "The revoked grant")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public GrantViews.View revoke(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        visible(id);
        return grants.revoke(id, by());
    }

    private GrantViews.View visible(UUID id) {
        GrantViews.View grant = grants.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (grant.unitId() == null) {
            if (!access.reach(Action.GRANT_MANAGE).everywhere()) {
                throw new ProblemException(ProblemCode.NOT_FOUND);
            }
        } else {
            access.require(Action.GRANT_MANAGE, grant.unitId());
        }
        return grant;
    }

    private String by() {
        return access.caller().id().toString();
    }
}
