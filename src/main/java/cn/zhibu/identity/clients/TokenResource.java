package cn.zhibu.identity.clients;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OAuth 2.0 token endpoint for API clients (client credentials grant, RFC 6749 section 4.4). */
@Path("/v1/oauth2/token")
@Tag(name = "identity")
public class TokenResource {

    private final ApiClientService clients;

    TokenResource(ApiClientService clients) {
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueClientToken", summary = "Exchange an API client's id and secret for an access token",
            description = "Standard OAuth 2.0 client credentials: `grant_type=client_credentials`, with the credentials "
                    + "in HTTP Basic authentication or as `client_id` and `client_secret` form fields. Errors are "
                    + "problem details.")
    @APIResponse(responseCode = "200", description = "The token", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClientViews.Token.class)))
    @APIResponse(ref = "Unauthorized", responseCode = "401")
    public Response token(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Schema(type = SchemaType.STRING, enumeration = "client_credentials", maxLength = 18)
            @FormParam("grant_type") String grantType,
            @Schema(type = SchemaType.STRING, maxLength = 40) @FormParam("client_id") String clientId,
            @Schema(type = SchemaType.STRING, maxLength = 64, format = "password") @FormParam("client_secret")
            String clientSecret,
            @Schema(type = SchemaType.STRING, maxLength = 256, description = "Space-separated subset of the client's scopes")
            @FormParam("scope") String scope) {
        if (!"client_credentials".equals(grantType)) {
            throw new ProblemException(IdentityProblem.UNSUPPORTED_GRANT_TYPE);
        }
        String id = clientId;
        String secret = clientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (clientId != null || clientSecret != null) {
                // RFC 6749 2.3: a client uses one way of authenticating per request
                throw new ProblemException(cn.zhibu.platform.problem.ProblemCode.INVALID_PARAMETER, "client_id",
                        "HTTP Basic or form fields, not both");
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                throw new ProblemException(IdentityProblem.CLIENT_CREDENTIALS_INVALID);
            }
        }
        if (!fits(id, 40) || !fits(secret, 64)) {
            throw new ProblemException(IdentityProblem.CLIENT_CREDENTIALS_INVALID); // no client has such credentials
        }
        if (scope != null && (scope.length() > 256 || scope.chars().anyMatch(c -> c < 0x20))) {
            throw new ProblemException(cn.zhibu.platform.problem.ProblemCode.INVALID_PARAMETER, "scope",
                    "space-separated scopes, up to 256 characters");
        }
        ApiClientViews.Token token = clients.token(id, secret, Optional.ofNullable(scope));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(token).cacheControl(noStore).header("Pragma", "no-cache").build();
    }

    /** Credentials as the contract bounds them: absent, or printable and not longer than that. */
    private static boolean fits(String value, int maxLength) {
        return value == null || (value.length() <= maxLength && value.chars().allMatch(c -> c > 0x20 && c < 0x7F));
    }
}
