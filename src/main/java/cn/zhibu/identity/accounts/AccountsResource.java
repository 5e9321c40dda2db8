package cn.zhibu.identity.accounts;

import cn.zhibu.identity.AccessPolicy;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Action;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff accounts, which sign in with a password. */
@Path("/v1/accounts")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class AccountsResource {

    private final AccountService accounts;
    private final PersonService people;
    private final AccessPolicy access;

    AccountsResource(AccountService accounts, PersonService people, AccessPolicy access) {
        this.accounts = accounts;
        this.people = people;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStaffAccount", summary = "Create a staff account with a one-time password",
            description = "The password is shown once, in this answer; it must be changed at the first sign-in.")
    @APIResponseSchema(value = AccountViews.NewAccount.class, responseCode = "201",
            responseDescription = "The account and its one-time password")
    @APIResponse(ref = "AccountConflict", responseCode = "409")
    @APIResponse(ref = "IdentityRefused", responseCode = "422")
    public Response create(@NotNull @Valid AccountViews.Create request) {
        Optional<UUID> person = Optional.ofNullable(request.personId());
        if (person.isPresent()) {
            access.require(Action.GRANT_MANAGE, people.homeUnit(person.get())
                    .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND)));
            // a password for someone's existing account lets its holder act as them
            accounts.accountOf(person.get()).ifPresent(access::requireCoversRolesOf);
        } else {
            access.requireEverywhere(Action.GRANT_MANAGE);
        }
        AccountService.NewAccount made = accounts.createStaff(request.username(), person);
        return Response.status(Response.Status.CREATED)
                .entity(new AccountViews.NewAccount(made.id(), made.username(), made.personId(), made.oneTimePassword())).build();
    }
}
