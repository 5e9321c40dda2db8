package cn.zhibu.integrity.checkpoint;

import cn.zhibu.integrity.audit.AuditAction;
import cn.zhibu.integrity.audit.Audited;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed checkpoints of integrity files and the public keys that verify them. The export is for org admins of
 * the whole tree (it names every file); the public keys for anyone who reads integrity files or their audit
 * anywhere: a public key reveals nothing, but it stays among those who check files. Both are audited. Not marked
 * {@code @Authenticated}: the access checks answer 401 themselves, on the worker thread the audit is written on.
 */
@Path("/v1/integrity-checkpoints")
@Tag(name = "integrity-files")
@SecurityRequirement(name = "bearerJwt")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointsResource {

    private static final String NO_STORE = "no-store";

    private final Checkpoints checkpoints;
    private final Access access;
    private final Pagination pagination;

    CheckpointsResource(Checkpoints checkpoints, Access access, Pagination pagination) {
        this.checkpoints = checkpoints;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Audited(AuditAction.LIST_CHECKPOINTS)
    @Operation(operationId = "listIntegrityCheckpoints", summary = "Export the signed checkpoints of integrity files",
            description = "Every append to an integrity file writes a checkpoint of the file's head.")
    @APIResponse(responseCode = "200", description = "One page of checkpoints",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    implementation = CheckpointViews.CheckpointPage.class)))
    public Response list(@Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.personId();
        access.requireEverywhere(Action.INTEGRITY_CHECKPOINT_READ);
        Page<CheckpointViews.CheckpointView> page = checkpoints.list(pagination.request(limit, cursor,
                "integrity-checkpoints"));
        return noStore(new CheckpointViews.CheckpointPage(page.items(), page.nextCursor()));
    }

    @GET
    @Path("keys")
    @Audited(AuditAction.CHECKPOINT_KEYS)
    @Operation(operationId = "listIntegrityCheckpointKeys", summary = "The public keys of integrity checkpoints",
            description = "The Ed25519 public keys that verify checkpoints, current first, with their ids: the "
                    + "one new checkpoints are signed with and earlier ones still listed.")
    @APIResponse(responseCode = "200", description = "The public keys",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointViews.KeyList.class)))
    public Response keys() {
        access.personId();
        boolean checks = List.of(Action.INTEGRITY_FILE_READ, Action.INTEGRITY_AUDIT_READ,
                Action.INTEGRITY_CHECKPOINT_READ).stream().anyMatch(action -> !access.reach(action).none());
        if (!checks) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        return noStore(checkpoints.keys());
    }

    private static Response noStore(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }
}
