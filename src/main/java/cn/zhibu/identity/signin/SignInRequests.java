package cn.zhibu.identity.signin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of {@code /v1/sessions}. */
public final class SignInRequests {

    static final String USERNAME = "^[A-Za-z0-9._-]{3,32}$";
    static final String TOKEN = "^[A-Za-z0-9_-]{16,128}$";
    static final String INVITATION = "^[A-Za-z2-9]{10}$";

    private SignInRequests() {
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
}
