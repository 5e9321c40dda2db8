package cn.zhibu.identity.tokens;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify access tokens, for dashboards that check tokens themselves. */
@Path("/v1/jwks")
@Tag(name = "identity")
public class KeysResource {

    static final String JWK_SET = "application/jwk-set+json";

    private final SigningKeys keys;

    KeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({JWK_SET, "application/json"})
    @Operation(operationId = "getSigningKeys", summary = "The keys that verify access tokens (JSON Web Key Set)",
            description = "Every token names its key in the `kid` header. Keys that stopped signing stay here until the "
                    + "last token they signed has expired.")
    @APIResponse(responseCode = "200", description = "The key set", content = {
        @Content(mediaType = JWK_SET, schema = @Schema(ref = "JwkSet")),
        @Content(mediaType = "application/json", schema = @Schema(ref = "JwkSet"))})
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }
}
