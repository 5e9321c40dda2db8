package cn.zhibu.privacy.retention;

import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The log of the retention purge, for org admins of the whole tree. */
@Path("/v1/retention/purges")
@Tag(name = "privacy")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerJwt")
public class RetentionResource {

    private final RetentionLog log;
    private final Pagination pagination;
    private final Access access;

    RetentionResource(RetentionLog log, Pagination pagination, Access access) {
        this.log = log;
        this.pagination = pagination;
        this.access = access;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listRetentionPurges", summary = "Read the log of the retention purge",
            description = "What each daily run of the retention purge removed or erased, a row per run and class of "
                    + "data, newest first. Counts only: no row names a person. Org admins of the whole tree.")
    @APIResponse(responseCode = "200", description = "One page of the purge log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetentionViews.Page.class),
                    examples = @ExampleObject(name = "page", value = RetentionViews.Examples.PAGE)))
    public RetentionViews.Page list(@Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.requireEverywhere(Action.RETENTION_READ);
        Page<RetentionViews.Purge> page = log.list(pagination.request(limit, cursor, "retention-purges"));
        return new RetentionViews.Page(page.items(), page.nextCursor());
    }
}
