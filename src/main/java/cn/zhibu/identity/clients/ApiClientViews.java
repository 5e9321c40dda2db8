package cn.zhibu.identity.clients;

import cn.zhibu.identity.Permissions;
import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/api-clients} and the token endpoint. */
public final class ApiClientViews {


    private ApiClientViews() {
    }

    @Schema(name = "ApiClientCreate", description = "A new API client: a name, its scopes and the unit whose subtree it may reach.")
    public record Create(
            @Schema(minLength = 1, maxLength = 64, pattern = Patterns.TEXT, required = true, examples = "区委组织部数据看板")
            @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = ScopeName.class, required = true, minItems = 1, maxItems = 6)
            @NotNull @Size(min = 1, max = 6) List<@NotNull @Pattern(regexp = Permissions.SCOPE_PATTERN) String> scopes,
            @Schema(description = "The unit whose subtree the client may reach",
                    required = true) @NotNull UUID unitId) {
    }

    @Schema(name = "ApiClient", description = "An API client. Its secret is never shown again after creation or rotation.")
    public record View(
            UUID id,
            @Schema(description = "The client id to send to the token endpoint", maxLength = 40, examples = "zc_k2m7q9txwb3d5f8h")
            String clientId,
            @Schema(maxLength = 64) String name,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = ScopeName.class, maxItems = 6) List<String> scopes,
            UUID unitId,
            @Schema(maxLength = 80) String createdBy,
            Instant createdAt,
            @Schema(nullable = true) Instant revokedAt,
            @Schema(description = "Version", examples = "0")
            long version) {

        static View of(ApiClient client) {
            return new View(client.id, client.clientId, client.name, Arrays.asList(client.scopes.split(" ")),
                    client.unitId, client.createdBy, client.createdAt, client.revokedAt, client.version);
        }
    }

    @Schema(name = "ApiClientSecret", description = "An API client with its secret, shown only in this answer.")
    public record WithSecret(
            View client,
            @Schema(description = "The client secret; store it safely, it cannot be shown again", maxLength = 64,
                    pattern = "^zs_[A-Za-z0-9_-]{43}$",
                    examples = "zs_7Vb2kq9Lm3Xw8Rt5Yp1Nc6Hd4Fg0Js2Ua9Ee7Ko3Mi") String clientSecret) {
    }

    @Schema(name = "ApiClientPage", description = "One page of API clients.")
    public record Page(
            @Schema(description = "The clients of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }

    /** The OAuth 2.0 token answer (RFC 6749, section 5.1), whose field names OAuth fixes. */
    @Schema(name = "ClientToken", description = "An access token for an API client (OAuth 2.0 client credentials).")
    public record Token(
            @Schema(maxLength = 4096, pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$") String access_token,
            @Schema(enumeration = "Bearer", maxLength = 6) String token_type,
            @Schema(minimum = "60", maximum = "7200", examples = "1800") long expires_in,
            @Schema(description = "The granted scopes, space-separated", maxLength = 256, pattern = "^[a-z:]+( [a-z:]+)*$",
                    examples = "people:read")
            String scope) {
    }
}
