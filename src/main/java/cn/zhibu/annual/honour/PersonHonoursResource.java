package cn.zhibu.annual.honour;

import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's honours. */
@Path("/v1/people/{id}/honours")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PersonHonoursResource {

    private final HonourService honours;
    private final Access access;
    private final Pagination pagination;

    PersonHonoursResource(HonourService honours, Access access, Pagination pagination) {
        this.honours = honours;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Operation(operationId = "listPersonHonours", summary = "A person's honours, latest year first",
            description = "For those who may see the annual cycle of the person's branch.")
    @APIResponseSchema(value = HonourViews.Page.class, responseCode = "200", responseDescription = "One page")
    public HonourViews.Page list(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID branch = honours.branchOf(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.ANNUAL_READ, branch);
        Page<HonourViews.View> page = honours.ofPerson(id, null,
                pagination.request(limit, cursor, "person-honours?person=" + id));
        return new HonourViews.Page(page.items(), page.nextCursor());
    }
}
