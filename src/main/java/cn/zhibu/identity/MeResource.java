package cn.zhibu.identity;

import cn.zhibu.identity.accounts.AccountService;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller: who they are and what they may do. */
@Path("/v1/me")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MeResource {

    private final AccessPolicy access;
    private final AccountService accounts;
    private final EntityManager em;
    private final org.eclipse.microprofile.jwt.JsonWebToken token;

    MeResource(AccessPolicy access, AccountService accounts, EntityManager em,
            org.eclipse.microprofile.jwt.JsonWebToken token) {
        this.access = access;
        this.accounts = accounts;
        this.em = em;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getMe", summary = "Who am I, and what may I do where",
            description = "Roles with their units (or an API client's scopes), and per action where it is allowed, so "
                    + "a client can draw its menus.")
    @APIResponse(responseCode = "200", description = "The caller")
    public MeViews.View me() {
        Caller caller = access.caller();
        Map<UUID, String> names = unitNames(caller.grants().stream().map(Caller.Grant::unitId).filter(Objects::nonNull)
                .distinct().toList());
        List<MeViews.View.RoleView> roles = caller.kind() == Caller.Kind.API_CLIENT ? List.of()
                : caller.grants().stream().map(g -> new MeViews.View.RoleView(g.role(), g.unitId(), names.get(g.unitId()),
                        g.implicit())).toList();
        List<MeViews.View.ActionView> actions = new ArrayList<>();
        if (!caller.mustChangePassword()) {
            for (Action action : Action.values()) {
                Access.Reach reach = AccessPolicy.reach(caller, action);
                if (!reach.none()) {
                    actions.add(new MeViews.View.ActionView(action, reach.everywhere(),
                            reach.unitIds().stream().sorted().toList()));
                }
            }
        }
        return new MeViews.View(caller.kind().name(), caller.id(), caller.personId().orElse(null), caller.name(), roles,
                caller.scopes().stream().sorted().toList(), actions, caller.mustChangePassword());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMyPassword", summary = "Change my password",
            description = "Required after signing in with a one-time password; at least 12 characters.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(ref = "IdentityRefused", responseCode = "422")
    public Response changePassword(@NotNull @Valid MeViews.PasswordChange request) {
        Caller caller = access.caller();
        if (caller.kind() != Caller.Kind.ACCOUNT) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        String session = token.getClaim(cn.zhibu.identity.tokens.AccessTokens.SESSION);
        accounts.changePassword(caller.id(), UUID.fromString(session), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    private Map<UUID, String> unitNames(List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("select id as id, name as name from org_unit where id in (:ids)",
                    Tuple.class).setParameter("ids", ids).getResultList();
            rows.forEach(row -> names.put(Rows.uuid(row, "id"), Rows.string(row, "name")));
        }
        return names;
    }
}
