package cn.zhibu.integrity.audit;

import cn.zhibu.platform.csv.CsvExport;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The access audit of integrity files, for org admins over their subtree. Searching and exporting it are
 * themselves audited. Not marked {@code @Authenticated}: the access check answers 401 itself, on the worker
 * thread the audit is written on.
 */
@Path("/v1/integrity-audit")
@Tag(name = "integrity-files")
@SecurityRequirement(name = "bearerJwt")
public class AuditResource {

    private static final String NO_STORE = "no-store";
    private static final String WHO = " Org admins (and anyone granted integrity-audit:read) over their subtree: rows "
            + "of files in units under it; rows of no file (lists, refusals before a file was known, key rotations, "
            + "purges) only for those whose reach is everywhere. 403 for callers who may read none.";

    private final AuditSearch search;
    private final Access access;
    private final Pagination pagination;

    AuditResource(AuditSearch search, Access access, Pagination pagination) {
        this.search = search;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(AuditAction.SEARCH_AUDIT)
    @Operation(operationId = "searchIntegrityAudit", summary = "Search the access audit of integrity files",
            description = "Every read, write and refusal of integrity files (and of this audit and the keys), "
                    + "newest first, optionally of one file, one actor, one action, one outcome.")
    @APIResponse(responseCode = "200", description = "One page of the audit",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditViews.Page.class)))
    public Response search(@Parameter(description = "Rows of this file", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("fileId") String fileId,
            @Parameter(description = "Rows of this account or API client", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("actorId") String actorId,
            @Parameter(description = "Rows of this action", schema = @Schema(implementation = AuditAction.class))
            @QueryParam("action") String action,
            @Parameter(description = "Rows of this outcome", schema = @Schema(
                    implementation = AuditViews.Outcome.class)) @QueryParam("outcome") String outcome,
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Access.Reach reach = readable();
        AuditSearch.Filter filter = filter(fileId, actorId, action, outcome, from, to);
        Page<AuditViews.Row> page = search.search(reach, filter, pagination.request(limit, cursor, filter.query()));
        return Response.ok(new AuditViews.Page(page.items(), page.nextCursor()))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @GET
    @Path("export")
    @Produces(CsvExport.MEDIA_TYPE)
    @Audited(AuditAction.EXPORT_AUDIT)
    @Operation(operationId = "exportIntegrityAudit", summary = "Export the access audit of integrity files as CSV",
            description = "The rows the same filters find, newest first, as a CSV file for Excel (UTF-8 with a "
                    + "byte order mark, a header row, entry ids separated by spaces), at most 100000 rows.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = @Header(name = "Cache-Control", ref = "NoStore"), content = @Content(
            mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = 100000000)))
    public Response export(@Parameter(description = "Rows of this file", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("fileId") String fileId,
            @Parameter(description = "Rows of this account or API client", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("actorId") String actorId,
            @Parameter(description = "Rows of this action", schema = @Schema(implementation = AuditAction.class))
            @QueryParam("action") String action,
            @Parameter(description = "Rows of this outcome", schema = @Schema(
                    implementation = AuditViews.Outcome.class)) @QueryParam("outcome") String outcome,
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to) {
        Access.Reach reach = readable();
        List<AuditViews.Row> rows = search.export(reach, filter(fileId, actorId, action, outcome, from, to));
        List<List<String>> lines = new ArrayList<>(rows.size() + 1);
        lines.add(List.of("at", "actorKind", "actorId", "actorPersonId", "action", "fileId", "unitId", "entryIds",
                "declarationId", "purpose", "purposeDetail", "outcome", "status", "reason", "clientAddress",
                "request"));
        rows.forEach(r -> lines.add(java.util.Arrays.asList(r.at().toString(), r.actorKind().name(), text(r.actorId()),
                text(r.actorPersonId()), r.action(), text(r.fileId()), text(r.unitId()),
                r.entryIds().stream().map(UUID::toString).collect(Collectors.joining(" ")), text(r.declarationId()),
                r.purpose(), r.purposeDetail(), r.outcome().name(), Integer.toString(r.status()), r.reason(),
                r.clientAddress(), r.request())));
        return Response.ok(CsvExport.of(lines), CsvExport.MEDIA_TYPE).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .header("Content-Disposition", "attachment; filename=\"integrity-audit.csv\"").build();
    }

    /** 401 for anonymous callers, then 403 for callers who may read the audit nowhere. */
    private Access.Reach readable() {
        access.personId();
        Access.Reach reach = access.reach(Action.INTEGRITY_AUDIT_READ);
        if (reach.none()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        return reach;
    }

    private static AuditSearch.Filter filter(String fileId, String actorId, String action, String outcome,
            String from, String to) {
        return new AuditSearch.Filter(QueryParams.uuid("fileId", fileId), QueryParams.uuid("actorId", actorId),
                named(AuditAction.class, "action", action), named(AuditViews.Outcome.class, "outcome", outcome),
                QueryParams.date("from", from), QueryParams.date("to", to));
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, java.util.Arrays
                    .stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
