package cn.zhibu.identity.signin;

import cn.zhibu.identity.AccessPolicy;
import cn.zhibu.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in, token refresh and sign-out. */
@Path("/v1/sessions")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private final PasswordSignIn password;
    private final WeChatSignIn wechat;
    private final DemoSignIn demo;
    private final Sessions sessions;
    private final AccessPolicy access;
    private final JsonWebToken token;

    SessionsResource(PasswordSignIn password, WeChatSignIn wechat, DemoSignIn demo, Sessions sessions,
            AccessPolicy access, JsonWebToken token) {
        this.password = password;
        this.wechat = wechat;
        this.demo = demo;
        this.sessions = sessions;
        this.access = access;
        this.token = token;
    }

    @POST
    @Path("password")
    @Operation(operationId = "signInWithPassword", summary = "Sign in with a user name and password (staff)",
            description = "After repeated failures the account is locked for a while (429 with Retry-After).")
    @APIResponseSchema(value = SignInViews.TokenPair.class, responseCode = "200", responseDescription = "Signed in")
    @APIResponse(ref = "Unauthorized", responseCode = "401")
    @APIResponse(ref = "TooManyRequests", responseCode = "429")
    public SignInViews.TokenPair signInWithPassword(@NotNull @Valid SignInViews.Password request) {
        return password.signIn(request.username(), request.password());
    }

    @POST
    @Path("wechat")
    @Operation(operationId = "signInWithWeChat", summary = "Sign in from the mini-program with a wx.login code",
            description = "The server asks WeChat (jscode2session) who the code belongs to.")
    @APIResponseSchema(value = SignInViews.TokenPair.class, responseCode = "200", responseDescription = "Signed in")
    @APIResponse(ref = "Unauthorized", responseCode = "401")
    @APIResponse(ref = "Forbidden", responseCode = "403")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "IdentityRefused", responseCode = "422")
    @APIResponse(ref = "ServiceUnavailable", responseCode = "503")
    public SignInViews.TokenPair signInWithWeChat(@NotNull @Valid SignInViews.WeChat request) {
        return wechat.signIn(request.code(), Optional.ofNullable(request.invitationCode()));
    }

    @POST
    @Path("refresh")
    @Operation(operationId = "refreshSession", summary = "Exchange a refresh token for a new token pair",
            description = "Each refresh token works once. Presenting one that was already exchanged ends the whole "
                    + "session (both the thief and the owner must sign in again).")
    @APIResponseSchema(value = SignInViews.TokenPair.class, responseCode = "200",
            responseDescription = "A new token pair")
    @APIResponse(ref = "Unauthorized", responseCode = "401")
    public SignInViews.TokenPair refresh(@NotNull @Valid SignInViews.Refresh request) {
        return sessions.refresh(request.refreshToken());
    }

    @POST
    @Path("sign-out")
    @Authenticated
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "signOut", summary = "Sign out: end this session",
            description = "Revokes the session's refresh tokens and its access tokens, on every replica at once.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(ref = "Unauthorized", responseCode = "401")
    public Response signOut() {
        Caller caller = access.caller();
        String session = token.getClaim(cn.zhibu.identity.tokens.AccessTokens.SESSION);
        if (caller.kind() == Caller.Kind.ACCOUNT && session != null) {
            sessions.end(UUID.fromString(session), "SIGNED_OUT");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("demo")
    @Operation(operationId = "signInAsDemoPerson", summary = "Sign in as a demo person (demo installations only)",
            description = "Only with zhibu.demo=true on the embedded database, listening on this machine only.")
    @APIResponseSchema(value = SignInViews.TokenPair.class, responseCode = "200", responseDescription = "Signed in")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public SignInViews.TokenPair signInAsDemoPerson(@NotNull @Valid SignInViews.Demo request) {
        return demo.signIn(Optional.ofNullable(request.externalId()), Optional.ofNullable(request.personId()));
    }
}
