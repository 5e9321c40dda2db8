package cn.zhibu.integrity.crypto;

import cn.zhibu.integrity.audit.AuditAction;
import cn.zhibu.integrity.audit.Audited;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The keys that seal integrity files, for org admins of the whole tree: what each key sealed, and the
 * re-encryption under the current key that lets an old key be dropped. Both are audited. Not marked
 * {@code @Authenticated}: the access check answers 401 itself, on the worker thread the audit is written on.
 */
@Path("/v1/integrity-keys")
@Tag(name = "integrity-files")
@SecurityRequirement(name = "bearerJwt")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityKeysResource {

    private static final String NO_STORE = "no-store";
    private static final String WHO = " Only callers who may rotate integrity keys everywhere (org admins of the "
            + "whole tree); 403 for anyone else.";

    private final KeyRotation rotation;
    private final Access access;

    IntegrityKeysResource(KeyRotation rotation, Access access) {
        this.rotation = rotation;
        this.access = access;
    }

    @GET
    @Audited(AuditAction.KEY_STATUS)
    @Operation(operationId = "getIntegrityKeyStatus", summary = "What each integrity key sealed",
            description = "The id of the key new values are sealed with, and per key id how many entry contents "
                    + "and declarations it sealed.")
    @APIResponse(responseCode = "200", description = "The keys' use",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyViews.Status.class)))
    public Response status() {
        allowed();
        return Response.ok(rotation.status()).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @POST
    @Path("rotation")
    @Audited(AuditAction.ROTATE_KEYS)
    @Operation(operationId = "rotateIntegrityKeys", summary = "Re-seal integrity content under the current key",
            description = "Opens every entry content and declaration sealed under another configured key and "
                    + "seals the same bytes again with the current key (zhibu.integrity.key-id).")
    @APIResponse(responseCode = "200", description = "What was re-sealed",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyViews.Rotation.class)))
    public Response rotate() {
        allowed();
        return Response.ok(rotation.rotate()).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    /** 401 for anonymous callers, then 403 unless the caller may rotate keys everywhere. */
    private void allowed() {
        access.personId();
        access.requireEverywhere(Action.INTEGRITY_KEY_ROTATE);
    }
}
