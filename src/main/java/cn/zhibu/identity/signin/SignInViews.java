package cn.zhibu.identity.signin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/sessions}. */
public final class SignInViews {

    static final String USERNAME = "^[A-Za-z0-9._-]{3,32}$";
    static final String TOKEN = "^[A-Za-z0-9_-]{16,128}$";
    static final String INVITATION = "^[A-Za-z2-9]{10}$";

    private SignInViews() {
    }

    @Schema(name = "PasswordSignIn", description = "A staff member's user name and password.")
    public record Password(
            @Schema(description = "User name (case does not matter)", minLength = 3, maxLength = 32, pattern = USERNAME,
                    required = true, examples = "admin")
            @NotNull @Pattern(regexp = USERNAME) String username,
            @Schema(description = "Password", minLength = 1, maxLength = 128, required = true, format = "password",
                    examples = "correct horse battery staple")
            @NotNull @Size(min = 1, max = 128) String password) {
    }

    @Schema(name = "WeChatSignIn", description = "The code from `wx.login` and, the first time, an invitation code.")
    public record WeChat(
            @Schema(description = "The code `wx.login` gave the mini-program (valid once, for five minutes)",
                    minLength = 16, maxLength = 128, pattern = TOKEN, required = true,
                    examples = "0a3Xb8000mCkQS1Xf8300bKtXc1Xb80R")
            @NotNull @Pattern(regexp = TOKEN) String code,
            @Schema(description = "The invitation code a secretary issued, to bind this WeChat the first time",
                    maxLength = 10, pattern = INVITATION, examples = "K7M2Q9TXWB")
            @Pattern(regexp = INVITATION) String invitationCode) {
    }

    @Schema(name = "RefreshRequest", description = "A refresh token to exchange for a new token pair.")
    public record Refresh(
            @Schema(description = "The refresh token from the last sign-in or refresh", minLength = 16, maxLength = 128,
                    pattern = TOKEN, required = true, examples = "q4Yt0f6m3d7l2Z8sFh1oVb9eXn5cKw0rJ3uPa6yTgEI")
            @NotNull @Pattern(regexp = TOKEN) String refreshToken) {
    }

    @Schema(name = "DemoSignIn", description = "The demo person to sign in as (demo installations only): by their id "
            + "in the demo data (DEMO-1001 is the branch secretary) or by person id; exactly one of the two.")
    public record Demo(
            @Schema(description = "The demo person's external id", maxLength = 9, pattern = "^DEMO-[0-9]{4}$",
                    examples = "DEMO-1001")
            @Pattern(regexp = "^DEMO-[0-9]{4}$") String externalId,
            @Schema(description = "Or the person's id") UUID personId) {
    }

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

    /** An invitation code, shown once. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WeChatInvitation",
            description = "A one-time code with which the person binds their WeChat at the first sign-in. Shown once.")
    public record Invitation(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The code (10 letters and digits)",
                    maxLength = 10, pattern = "^[A-Z2-9]{10}$", examples = "K7M2Q9TXWB") String code,
            UUID personId,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "When the code stops working")
            Instant expiresAt) {
    }
}
