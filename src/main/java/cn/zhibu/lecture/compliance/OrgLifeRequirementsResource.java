package cn.zhibu.lecture.compliance;

import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.org.OrgUnitService;
import cn.zhibu.platform.http.EntityTags;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How often a branch holds each kind of session: its choices over the defaults of the 支部工作条例. */
@Path("/v1/org-units/{id}/org-life-requirements")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class OrgLifeRequirementsResource {

    private final OrgLifeRequirements requirements;
    private final OrgUnitService units;
    private final Access access;
    private final JsonWebToken token;

    OrgLifeRequirementsResource(OrgLifeRequirements requirements, OrgUnitService units, Access access,
            JsonWebToken token) {
        this.requirements = requirements;
        this.units = units;
        this.access = access;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getOrgLifeRequirements", summary = "How often a branch holds each kind of session",
            description = "Every kind with its frequency: the branch's choice, or the default (member assemblies "
                    + "and party lectures quarterly, branch committees, party group meetings and themed party days "
                    + "monthly, the organisational life meeting yearly, the other kinds without a requirement). For "
                    + "those who may see the branch's party days; 422 ORG_LIFE_UNIT_NOT_SUPPORTED for other units.")
    @APIResponse(responseCode = "200", description = "The requirements", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplianceViews.Requirements.class)))
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response read(@Parameter(ref = "Id") @PathParam("id") UUID branchId) {
        branch(Action.PARTY_DAY_READ, branchId);
        ComplianceViews.Requirements read = requirements.read(branchId);
        return Response.ok(read).tag(EntityTags.of(read.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOrgLifeRequirements", summary = "Choose how often a branch holds each kind",
            description = "The kinds named take the frequency given, the others go back to their defaults (each kind "
                    + "at most once: 422 ORG_LIFE_KIND_REPEATED). The first choice without If-Match, later ones with "
                    + "the ETag last read (412 when stale, 428 without it). Secretaries and org admins of the branch.")
    @APIResponse(responseCode = "200", description = "The requirements", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplianceViews.Requirements.class)))
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response choose(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ComplianceViews.Change change) {
        branch(Action.PARTY_DAY_MANAGE, branchId);
        ComplianceViews.Requirements chosen = requirements.choose(branchId, ifMatch, change, token.getSubject());
        return Response.ok(chosen).tag(EntityTags.of(chosen.version())).build();
    }

    private void branch(Action action, UUID unitId) {
        access.require(action, unitId);
        OrgUnitKind kind = units.find(unitId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND)).kind();
        if (kind != OrgUnitKind.BRANCH) {
            throw new ProblemException(ComplianceProblem.ORG_LIFE_UNIT_NOT_SUPPORTED, kind.name());
        }
    }
}
