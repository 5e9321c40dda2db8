package cn.zhibu.annual.pledge;

import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's pledges by year, with their signature and review. */
@Path("/v1/people/{id}/pledges")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PersonPledgesResource {

    private final PledgeReviewService reviews;
    private final PledgeAccess guard;
    private final Pagination pagination;

    PersonPledgesResource(PledgeReviewService reviews, PledgeAccess guard, Pagination pagination) {
        this.reviews = reviews;
        this.guard = guard;
        this.pagination = pagination;
    }

    @GET
    @Operation(operationId = "listPersonPledges", summary = "A person's pledges, latest year first",
            description = "Those they signed and those of their branch they have not, each with their signature "
                    + "and review. The person themself, and those who manage their branch's annual cycle.")
    @APIResponseSchema(value = PledgeViews.PersonPledgePage.class, responseCode = "200",
            responseDescription = "One page")
    public PledgeViews.PersonPledgePage list(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> branch = guard.personReadable(id);
        Page<PledgeViews.PersonPledge> page = reviews.ofPerson(id, branch,
                pagination.request(limit, cursor, "person-pledges?person=" + id));
        return new PledgeViews.PersonPledgePage(page.items(), page.nextCursor());
    }
}
