package cn.zhibu.org.committee;

import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A branch's committee (支部委员会): who sits on it, in which post. */
@Path("/v1/org-units/{id}/committee")
@Tag(name = "org")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class CommitteeResource {

    private final CommitteeService committees;
    private final Access access;

    CommitteeResource(CommitteeService committees, Access access) {
        this.committees = committees;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getBranchCommittee", summary = "A branch's committee",
            description = "Its members in order, with their posts. Anyone who sees the branch.")
    @APIResponseSchema(value = CommitteeViews.Committee.class, responseCode = "200",
            responseDescription = "The committee")
    public CommitteeViews.Committee get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        access.require(Action.ORG_READ, id);
        return committees.of(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceBranchCommittee", summary = "Set a branch's committee",
            description = "The whole committee at once: current members of the branch, each once, one secretary at "
                    + "most. Secretaries and org admins of the branch.")
    @APIResponseSchema(value = CommitteeViews.Committee.class, responseCode = "200",
            responseDescription = "The committee as it now stands")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public CommitteeViews.Committee replace(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid CommitteeViews.Change change) {
        access.require(Action.PEOPLE_WRITE, id);
        return committees.replace(id, change);
    }
}
