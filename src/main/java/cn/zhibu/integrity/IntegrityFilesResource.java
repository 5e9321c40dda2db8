package cn.zhibu.integrity;

import cn.zhibu.integrity.audit.AuditAction;
import cn.zhibu.integrity.audit.Audited;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.CharacterLengths;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Integrity files (廉政档案) of leading cadres, for integrity officers (and org admins granted that role) in
 * the cadres' units, with accounts of known people (whose recusal can be judged). Every request, allowed or
 * refused, leaves one row in the access audit. Not marked
 * {@code @Authenticated}: the access checks answer 401 themselves, on the worker thread the audit is written on.
 */
@Path("/v1/integrity-files")
@Tag(name = "integrity-files")
@SecurityRequirement(name = "bearerJwt")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityFilesResource {

    static final String NO_STORE = "no-store";

    private final IntegrityFileService files;
    private final IntegrityAccess guard;
    private final Access access;
    private final PersonService persons;
    private final Pagination pagination;
    private final JsonWebToken token;

    IntegrityFilesResource(IntegrityFileService files, IntegrityAccess guard, Access access, PersonService persons,
            Pagination pagination, JsonWebToken token) {
        this.files = files;
        this.guard = guard;
        this.access = access;
        this.persons = persons;
        this.pagination = pagination;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(AuditAction.OPEN_FILE)
    @Operation(operationId = "openIntegrityFile", summary = "Open a cadre's integrity file",
            description = "Integrity officers of the person's branch.")
    @APIResponseSchema(value = IntegrityViews.FileView.class, responseCode = "201",
            responseDescription = "The new file")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response open(@NotNull @Valid IntegrityViews.Open request) {
        signedIn();
        UUID unit = persons.homeUnit(request.personId()).orElseThrow(() -> new ProblemException(
                IntegrityProblem.INTEGRITY_PERSON_NOT_FOUND, request.personId().toString()));
        access.requireNamed(Action.INTEGRITY_FILE_WRITE, unit, () -> new ProblemException(
                IntegrityProblem.INTEGRITY_PERSON_NOT_FOUND, request.personId().toString()));
        guard.requireNotRecused(request.personId());
        IntegrityViews.FileView file = files.open(request, unit, UUID.fromString(token.getSubject()));
        return Response.status(Response.Status.CREATED).entity(file).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .build();
    }

    @GET
    @Audited(AuditAction.LIST_FILES)
    @Operation(operationId = "listIntegrityFiles", summary = "The integrity files the caller keeps",
            description = "Files of cadres in the units where the caller may read integrity files, by cadre name, "
                    + "without their entries; never the caller's own or a declared relative's. 403 for callers who "
                    + "may read none, and 403 INTEGRITY_NOT_A_PERSON for accounts of no known person (staff accounts "
                    + "not linked to a person): whether they are recused could not be judged.")
    @APIResponse(responseCode = "200", description = "One page of files",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityViews.FilePage.class)))
    public Response list(@Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Access.Reach reach = readable();
        Page<IntegrityViews.FileView> page = files.list(reach, access.personId(),
                pagination.request(limit, cursor, "integrity-files"));
        return noStore(new IntegrityViews.FilePage(page.items(), page.nextCursor()));
    }

    @GET
    @Path("overdue")
    @Audited(AuditAction.LIST_OVERDUE)
    @Operation(operationId = "listOverdueIntegrityFiles", summary = "Files with a profile, review or report overdue",
            description = "For integrity officers, over the units they keep files of.")
    @APIResponse(responseCode = "200", description = "The overdue files",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityViews.OverdueList.class)))
    public Response overdue() {
        return noStore(files.overdue(readable()));
    }

    @GET
    @Path("{id}")
    @Audited(value = AuditAction.READ_FILE, target = Audited.Target.FILE)
    @Operation(operationId = "readIntegrityFile", summary = "Read a file for a stated purpose",
            description = "Integrity officers of the cadre's unit, never for their own file or a declared "
                    + "relative's (403 INTEGRITY_RECUSED), and with a person's own account (403 "
                    + "INTEGRITY_NOT_A_PERSON).")
    @APIResponse(responseCode = "200", description = "The file as the purpose may see it",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityViews.FileRead.class)))
    public Response read(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "Why the file is read", required = true, schema = @Schema(
                    implementation = Purpose.class)) @QueryParam("purpose") String purpose,
            @Parameter(description = "What it is read for, in words (a case, a post)", required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 2, maxLength = 500,
                            pattern = Patterns.TEXT)) @QueryParam("purposeDetail") String detail) {
        signedIn();
        Purpose why = purpose(purpose, detail);
        return noStore(files.read(id, why, detail.strip()));
    }

    @POST
    @Path("{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = AuditAction.APPEND_ENTRY, target = Audited.Target.FILE)
    @Operation(operationId = "appendIntegrityEntry", summary = "Add an entry to a file",
            description = "Integrity officers of the cadre's unit (not their own file or a relative's).")
    @APIResponseSchema(value = IntegrityViews.EntryView.class, responseCode = "201",
            responseDescription = "The entry as filed")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response append(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid IntegrityViews.Append request) {
        signedIn();
        IntegrityViews.EntryView entry = files.append(id, request, UUID.fromString(token.getSubject()));
        return Response.status(Response.Status.CREATED).entity(entry).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .build();
    }

    @GET
    @Path("{id}/verification")
    @Audited(value = AuditAction.VERIFY_CHAIN, target = Audited.Target.FILE)
    @Operation(operationId = "verifyIntegrityFile", summary = "Verify a file's hash chain",
            description = "Recomputes every entry's hash from its header and its decrypted content and follows "
                    + "the links from the first entry to the file's head.")
    @APIResponse(responseCode = "200", description = "Whether the chain holds",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntegrityViews.Verification.class)))
    public Response verify(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        signedIn();
        return noStore(files.verify(id));
    }

    /** 401 for anonymous callers, before anything about the request is looked at. */
    private void signedIn() {
        access.personId();
    }

    private Access.Reach readable() {
        Access.Reach reach = access.reach(Action.INTEGRITY_FILE_READ);
        if (reach.none()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        guard.requirePerson();
        return reach;
    }

    private static Purpose purpose(String purpose, String detail) {
        Purpose why;
        try {
            why = purpose == null ? null : Purpose.valueOf(purpose);
        } catch (IllegalArgumentException e) {
            why = null;
        }
        if (why == null) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_PURPOSE_REQUIRED, "purpose");
        }
        if (detail == null || CharacterLengths.of(detail.strip()) < 2
                || CharacterLengths.of(detail) > 500 || !detail.matches(Patterns.TEXT)) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_PURPOSE_REQUIRED, "purposeDetail");
        }
        return why;
    }

    static Response noStore(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }
}
