package cn.zhibu.identity.signin;

import cn.zhibu.identity.AccessPolicy;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invitation codes with which people bind their WeChat. */
@Path("/v1/people/{id}/wechat-invitations")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class InvitationsResource {

    private final WeChatSignIn wechat;
    private final PersonService people;
    private final AccessPolicy access;
    private final cn.zhibu.identity.accounts.AccountService accounts;

    InvitationsResource(WeChatSignIn wechat, PersonService people, AccessPolicy access,
            cn.zhibu.identity.accounts.AccountService accounts) {
        this.wechat = wechat;
        this.people = people;
        this.access = access;
        this.accounts = accounts;
    }

    @POST
    @Operation(operationId = "issueWeChatInvitation", summary = "Issue a one-time WeChat invitation code for a person",
            description = "The person enters it at their first sign-in from the mini-program (or to move to "
                    + "another WeChat). Earlier unused codes of the person stop working.")
    @APIResponseSchema(value = SignInViews.Invitation.class, responseCode = "201", responseDescription = "The code")
    @APIResponse(ref = "IdentityRefused", responseCode = "422")
    public Response issue(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        access.require(Action.INVITATION_ISSUE, people.homeUnit(id).orElseThrow(
                () -> new ProblemException(ProblemCode.NOT_FOUND)));
        // the code binds a WeChat to the person's account: for someone holding roles, only a caller who
        // could grant those roles may issue it
        accounts.accountOf(id).ifPresent(access::requireCoversRolesOf);
        if (!people.isActive(id)) {
            throw new ProblemException(cn.zhibu.identity.IdentityProblem.PERSON_NOT_ACTIVE);
        }
        return Response.status(Response.Status.CREATED).entity(wechat.invite(id, access.caller().id().toString())).build();
    }
}
