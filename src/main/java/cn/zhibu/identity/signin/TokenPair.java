package cn.zhibu.identity.signin;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a sign-in or a refresh answers: an access token and the refresh token that replaces it. */
@Schema(name = "TokenPair", description = "An access token (a JWT signed with a key of /.well-known/jwks.json) and a "
        + "rotating refresh token. Keep the refresh token secret; each one can be used once.")
public record TokenPair(
        @Schema(description = "The access token, sent as `Authorization: Bearer ...`", maxLength = 4096,
                examples = "eyJraWQiOiIyMDI2LTExLTI4LTMxMzIiLCJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3poaWJ1LmNuIn0.c2ln")
        String accessToken,
        @Schema(description = "Always Bearer", enumeration = "Bearer", maxLength = 6, examples = "Bearer")
        String tokenType,
        @Schema(description = "Seconds until the access token expires", minimum = "60", maximum = "7200",
                examples = "1800")
        long expiresIn,
        @Schema(description = "The refresh token (use once, at POST /v1/sessions/refresh)", maxLength = 64,
                examples = "q4Yt0f6m3d7l2Z8sFh1oVb9eXn5cKw0rJ3uPa6yTgEI")
        String refreshToken,
        @Schema(description = "Seconds until the refresh token expires if unused", minimum = "0", maximum = "31622400",
                examples = "2592000")
        long refreshExpiresIn,
        @Schema(description = "The signed-in account")
        UUID accountId,
        @Schema(description = "True after signing in with a one-time password: only POST /v1/me/password and "
                + "GET /v1/me work until the password is changed", examples = "false")
        boolean passwordChangeRequired) {
}
