package cn.zhibu.exports;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Exports of a unit's year as the inspection ledger (台账): asked for, followed, downloaded. */
@Path("/v1/exports")
@Tag(name = "exports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class ExportsResource {

    static final String ZIP = "application/zip";
    private static final String PROBLEM = "application/problem+json";
    private static final String BASE = "/v1/exports/";
    private static final String EXAMPLE_REQUEST = """
            {"unitId": "3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c", "year": 2025,
             "sections": ["SESSIONS", "LECTURES", "CHECK_INS_AND_POINTS"]}""";
    private static final String EXAMPLE_JOB = """
            {"id": "7d2e9c1a-4b3f-4e8a-9c6d-1a2b3c4d5e6f", "unitId": "3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c",
             "year": 2025, "sections": ["SESSIONS", "LECTURES", "CHECK_INS_AND_POINTS"], "state": "QUEUED",
             "percent": 0, "currentSection": null, "requestedBy": "secretary-li", "attempts": 0,
             "createdAt": "2026-01-05T09:30:00+08:00", "startedAt": null, "finishedAt": null, "expiresAt": null,
             "error": null, "sha256": null, "bytes": null, "downloadUrl": null, "version": 1}""";

    private final ExportJobs jobs;
    private final Access access;
    private final SecurityIdentity identity;
    private final Pagination pagination;
    private final BusinessCalendar calendar;
    private final ExportSettings settings;

    ExportsResource(ExportJobs jobs, Access access, SecurityIdentity identity, Pagination pagination,
            BusinessCalendar calendar, ExportSettings settings) {
        this.jobs = jobs;
        this.access = access;
        this.identity = identity;
        this.pagination = pagination;
        this.calendar = calendar;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "createExport", summary = "Export a unit's year as the inspection ledger",
            description = "Queues an export of the unit's subtree for the calendar year: a ZIP with `ledger.xlsx` "
                    + "(one sheet per section), the minutes' attachments (with SESSIONS) and `manifest.json` (every "
                    + "file's path, size and SHA-256). Runs in the background: poll the Location. An identical "
                    + "export (same unit, year and sections) already queued or running is answered instead of a new "
                    + "one, also with 202. Each request is audited. Who may: secretaries and org admins (EXPORT_MANAGE "
                    + "on the unit); INTEGRITY_COUNTS also needs INTEGRITY_STATS_READ there (403 "
                    + "EXPORT_INTEGRITY_FORBIDDEN). A year in the future or more than zhibu.exports.years-back back: "
                    + "400 EXPORT_YEAR_OUT_OF_RANGE.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportViews.Request.class),
            examples = @ExampleObject(name = "three sections", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "202", description = "Queued (or the identical export queued or running); poll the "
            + "Location until DONE or FAILED", headers = {@Header(name = "Location", ref = "Location"),
                    @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportViews.Job.class),
                    examples = @ExampleObject(name = "queued", value = EXAMPLE_JOB)))
    @APIResponse(ref = "Forbidden", responseCode = "403")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response create(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull ExportViews.Request request) {
        access.require(Action.EXPORT_MANAGE, request.unitId());
        if (request.sections().contains(ExportSection.INTEGRITY_COUNTS)
                && !access.allows(Action.INTEGRITY_STATS_READ, request.unitId())) {
            throw new ProblemException(ExportProblem.EXPORT_INTEGRITY_FORBIDDEN);
        }
        int thisYear = calendar.today().getYear();
        if (request.year() > thisYear || request.year() < thisYear - settings.yearsBack()) {
            throw new ProblemException(ExportProblem.EXPORT_YEAR_OUT_OF_RANGE, request.year(),
                    thisYear - settings.yearsBack(), thisYear);
        }
        ExportJobs.Asked asked = jobs.ask(request.unitId(), request.year(), request.sections(),
                identity.getPrincipal().getName());
        ExportViews.Job job = asked.job();
        return Response.accepted(job).location(URI.create(BASE + job.id())).tag(EntityTags.of(job.version())).build();
    }

    @GET
    @Operation(operationId = "listExports", summary = "Exports the caller may follow, the latest first",
            description = "The exports of every unit where the caller may export (EXPORT_MANAGE), whoever asked for "
                    + "them; those with INTEGRITY_COUNTS only where the caller also reads integrity figures. Who may: "
                    + "secretaries and org admins.")
    @APIResponseSchema(value = ExportViews.JobPage.class, responseCode = "200", responseDescription = "One page")
    @APIResponse(ref = "Forbidden", responseCode = "403")
    public ExportViews.JobPage list(@Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Access.Reach reach = access.reach(Action.EXPORT_MANAGE);
        if (reach.none()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        Access.Reach integrity = access.reach(Action.INTEGRITY_STATS_READ);
        Page<ExportViews.Job> page = jobs.list(reach, integrity, pagination.request(limit, cursor, "exports?reach="
                + (reach.everywhere() ? "*" : new java.util.TreeSet<>(reach.unitIds())) + "&integrity="
                + (integrity.everywhere() ? "*" : new java.util.TreeSet<>(integrity.unitIds()))));
        return new ExportViews.JobPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getExport", summary = "How an export stands",
            description = "Its state, percent and the section being written while it runs; when DONE, the ZIP's "
                    + "size, SHA-256, download link and expiry. Sends an ETag; with If-None-Match naming it, 304. "
                    + "Who may: secretaries and org admins of its unit (with INTEGRITY_COUNTS, those who also read "
                    + "integrity figures there; anyone else: 404).")
    @APIResponse(responseCode = "200", description = "The export", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportViews.Job.class),
                    examples = @ExampleObject(name = "queued", value = EXAMPLE_JOB)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    @APIResponse(ref = "Forbidden", responseCode = "403")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ExportViews.Job job = visible(id);
        return EntityTags.read(job, job.version(), ifNoneMatch).build();
    }

    @GET
    @Path("{id}/download")
    @Produces({ZIP, PROBLEM})
    @Operation(operationId = "downloadExport", summary = "Download an export's ZIP",
            description = "The ZIP of a DONE export (Content-Disposition attachment); its ETag is the ZIP's SHA-256. "
                    + "Not DONE yet (or FAILED): 409 EXPORT_NOT_READY; its file deleted after "
                    + "zhibu.exports.keep-for: 410 EXPORT_EXPIRED. Each download is audited. Who may: secretaries and "
                    + "org admins of its unit (with INTEGRITY_COUNTS, those who also read integrity figures there; "
                    + "anyone else: 404).")
    @APIResponse(responseCode = "200", description = "The ZIP", headers = {
            @Header(name = "ETag", description = "The ZIP's SHA-256, hex, quoted",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 66, pattern = "^\"[0-9a-f]{64}\"$")),
            @Header(name = "Content-Disposition", description = "attachment, with the file's name",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100,
                            pattern = "^attachment; filename=\"[A-Za-z0-9._-]+\"$"))},
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = 2147483647)))
    @APIResponse(ref = "Forbidden", responseCode = "403")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(responseCode = "409", description = "Not DONE yet, or FAILED (code EXPORT_NOT_READY)",
            headers = @Header(name = "Content-Language", ref = "Content-Language"),
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "410", description = "Its file was deleted after zhibu.exports.keep-for (code "
            + "EXPORT_EXPIRED); ask for the export again", headers = @Header(name = "Content-Language",
                    ref = "Content-Language"),
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response download(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        ExportViews.Job job = visible(id);
        switch (job.state()) {
            case EXPIRED -> throw new ProblemException(ExportProblem.EXPORT_EXPIRED, job.expiresAt());
            case DONE -> {
            }
            default -> throw new ProblemException(ExportProblem.EXPORT_NOT_READY, job.state());
        }
        // past its time it is gone, whether or not a worker's pass has deleted its file yet
        if (job.expiresAt() != null && !job.expiresAt().toInstant().isAfter(calendar.now())) {
            throw new ProblemException(ExportProblem.EXPORT_EXPIRED, job.expiresAt());
        }
        // deleted by a pass since the job was read: as expired
        byte[] zip = jobs.content(id)
                .orElseThrow(() -> new ProblemException(ExportProblem.EXPORT_EXPIRED, job.expiresAt()));
        jobs.audit(job, "DOWNLOADED", identity.getPrincipal().getName(), calendar.now());
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + job.year() + "-"
                        + job.id().toString().substring(0, 8) + ".zip\"")
                .header(HttpHeaders.ETAG, "\"" + job.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    /**
     * An export is seen by those who may export in its unit (with INTEGRITY_COUNTS, who also read integrity figures
     * there); for anyone else it does not exist.
     */
    private ExportViews.Job visible(UUID id) {
        ExportViews.Job job = jobs.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.EXPORT_MANAGE, job.unitId());
        if (job.sections().contains(ExportSection.INTEGRITY_COUNTS)
                && !access.allows(Action.INTEGRITY_STATS_READ, job.unitId())) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return job;
    }
}
