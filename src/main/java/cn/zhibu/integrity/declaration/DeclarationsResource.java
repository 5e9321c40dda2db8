package cn.zhibu.integrity.declaration;

import cn.zhibu.integrity.audit.AuditAction;
import cn.zhibu.integrity.audit.Audited;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cadres' own declarations (personal matters reports, gifts) and their two-stage review: the head of the
 * cadre's unit (a secretary of their branch), then an integrity officer, who adds it to the file. Every
 * request, allowed or refused, leaves one row in the access audit. Not marked {@code @Authenticated}: the
 * access checks answer 401 themselves, on the worker thread the audit is written on.
 */
@Path("/v1/integrity-declarations")
@Tag(name = "integrity-files")
@SecurityRequirement(name = "bearerJwt")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationsResource {

    static final String NO_STORE = "no-store";

    private final DeclarationService declarations;
    private final Access access;
    private final Pagination pagination;
    private final JsonWebToken token;

    @Context
    HttpHeaders headers;

    DeclarationsResource(DeclarationService declarations, Access access, Pagination pagination,
            JsonWebToken token) {
        this.declarations = declarations;
        this.access = access;
        this.pagination = pagination;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Audited(value = AuditAction.SUBMIT_DECLARATION, target = Audited.Target.DECLARATION)
    @Operation(operationId = "submitIntegrityDeclaration", summary = "Declare personal matters or a gift",
            description = "By a leading cadre's own account (403 INTEGRITY_NOT_A_PERSON for staff accounts and "
                    + "API clients).")
    @APIResponse(responseCode = "201", description = "The declaration, awaiting the unit head's review",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "Cache-Control", ref = "NoStore")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeclarationViews.Summary.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response submit(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid DeclarationViews.Submit request) {
        UUID person = declarations.declarant();
        DeclarationViews.Summary view = declarations.submit(person, account(), request.content(),
                ProblemMessages.of(headers));
        return Response.created(URI.create("/v1/integrity-declarations/" + view.id())).entity(view)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @GET
    @Path("mine")
    @Audited(AuditAction.LIST_OWN_DECLARATIONS)
    @Operation(operationId = "listOwnIntegrityDeclarations", summary = "The caller's own declarations",
            description = "Newest first, with their content, state and the reviewers' notes. Only a person's own "
                    + "account (403 INTEGRITY_NOT_A_PERSON otherwise).")
    @APIResponse(responseCode = "200", description = "One page of the caller's declarations",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclarationViews.OwnPage.class)))
    public Response mine(@Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID person = declarations.declarant();
        Page<DeclarationViews.View> page = declarations.mine(person,
                pagination.request(limit, cursor, "integrity-declarations/mine"));
        return noStore(new DeclarationViews.OwnPage(page.items(), page.nextCursor()));
    }

    @GET
    @Audited(AuditAction.LIST_DECLARATIONS)
    @Operation(operationId = "listIntegrityDeclarations", summary = "Declarations awaiting the caller's review",
            description = "Oldest first, without content: the declarations awaiting the caller's review.")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclarationViews.Page.class)))
    public Response queue(
            @Parameter(description = "The review stage (default: every stage the caller may review)",
                    schema = @Schema(ref = "IntegrityReviewStage"))
            @QueryParam("state") String state,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.personId(); // 401 before anything else
        Map<Declaration.State, Access.Reach> stages = new EnumMap<>(Declaration.State.class);
        if (state == null || state.isEmpty() || state.equals(Declaration.State.AWAITING_UNIT.name())) {
            stages.put(Declaration.State.AWAITING_UNIT, access.reach(Action.INTEGRITY_DECLARATION_REVIEW));
        }
        if (state == null || state.isEmpty() || state.equals(Declaration.State.AWAITING_OFFICER.name())) {
            stages.put(Declaration.State.AWAITING_OFFICER, access.reach(Action.INTEGRITY_FILE_WRITE));
        }
        if (stages.isEmpty()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "state", "AWAITING_UNIT, AWAITING_OFFICER");
        }
        if (stages.values().stream().allMatch(Access.Reach::none)) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        if (access.personId().isEmpty()) {
            // a reviewer is recused from relatives' declarations: an account of no known person cannot be
            throw new ProblemException(cn.zhibu.integrity.IntegrityProblem.INTEGRITY_NOT_A_PERSON);
        }
        Page<DeclarationViews.Summary> page = declarations.queue(stages,
                pagination.request(limit, cursor, "integrity-declarations?state=" + (state == null ? "" : state)));
        return noStore(new DeclarationViews.Page(page.items(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @Audited(value = AuditAction.READ_DECLARATION, target = Audited.Target.DECLARATION)
    @Operation(operationId = "readIntegrityDeclaration", summary = "A declaration with its content",
            description = "For the cadre who made it, the head of the cadre's unit while it awaits their review, "
                    + "and integrity officers of the cadre's unit. 404 for anyone else; 403 INTEGRITY_RECUSED for "
                    + "a declared relative.")
    @APIResponse(responseCode = "200", description = "The declaration",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclarationViews.View.class)))
    public Response read(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        access.personId();
        return noStore(declarations.read(id));
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = AuditAction.REVIEW_DECLARATION, target = Audited.Target.DECLARATION)
    @Operation(operationId = "reviewIntegrityDeclaration", summary = "Approve or return a declaration",
            description = "Approves or returns the declaration at its current stage (AWAITING_UNIT, then "
                    + "AWAITING_OFFICER).")
    @APIResponse(responseCode = "200", description = "The declaration as reviewed",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclarationViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response review(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid DeclarationViews.Review request) {
        access.personId();
        return noStore(declarations.review(id, request, account(), ProblemMessages.of(headers)));
    }

    private UUID account() {
        return UUID.fromString(token.getSubject());
    }

    private static Response noStore(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }
}
