package cn.zhibu.org.people.imports;

import cn.zhibu.org.people.imports.ImportViews.ImportErrorPage;
import cn.zhibu.org.people.imports.ImportViews.ImportErrorView;
import cn.zhibu.org.people.imports.ImportViews.PeopleImportView;
import cn.zhibu.platform.csv.CsvFile;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.security.Authenticated;
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
import java.util.Locale;
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

/** Imports of people from CSV files (批量导入): accepted at once, run in the background, polled. */
@Path("/v1/people/imports")
@Tag(name = "org")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerJwt")
public class PeopleImportsResource {

    static final String CSV = "text/csv";
    private static final String BASE = "/v1/people/imports/";
    private static final String EXAMPLE_CSV = """
            externalId,name,gender,birthDate,politicalStatus,partyJoinDate,jobTitle,leadingCadre,phone,branch,groups
            HR-000123,张三,MALE,1988-05-04,FULL,2012-07-01,科员,false,13800138000,机关党支部,第一党小组
            HR-000124,李四,女,1990/3/8,群众,,科员,否,,机关党支部,
            """;

    private final PeopleImportService imports;
    private final Pagination pagination;
    private final SecurityIdentity identity;
    private final Access access;
    private final RoutingContext routing;

    PeopleImportsResource(PeopleImportService imports, Pagination pagination, SecurityIdentity identity,
            Access access, RoutingContext routing) {
        this.imports = imports;
        this.pagination = pagination;
        this.identity = identity;
        this.access = access;
        this.routing = routing;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    @Idempotent
    @Operation(operationId = "importPeople", summary = "Import people from a CSV file",
            description = "Accepts a CSV file of people and imports it in the background: poll the Location.")
    @RequestBody(required = true, description = "The CSV file", content = @Content(mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 16777216),
            examples = @ExampleObject(name = "two people", value = EXAMPLE_CSV)))
    @APIResponse(responseCode = "202", description = "The import was accepted (or, on a replay, had been); poll the "
            + "Location until its state is SUCCEEDED, FAILED or ERROR",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PeopleImportView.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(responseCode = "413", description = "The file is larger than zhibu.import.max-bytes (16 MiB by "
            + "default)", headers = @Header(name = "Content-Language", ref = "Content-Language"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "The body is not text/csv, or its charset is neither UTF-8 nor "
            + "GB18030 (code IMPORT_NOT_CSV)", headers = @Header(name = "Content-Language", ref = "Content-Language"),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response start(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @Parameter(description = "Only check the file and tell what the import would do; write nothing",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType) {
        Access.Reach reach = access.reach(Action.PEOPLE_IMPORT);
        if (reach.none()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        boolean dry = QueryParams.flag("dryRun", dryRun);
        String charset = CsvFile.charsetParameter(contentType);
        // the file as the HTTP layer buffered it (RequestBodies), up to zhibu.import.max-bytes
        byte[] file = routing.body() == null || routing.body().buffer() == null ? new byte[0]
                : routing.body().buffer().getBytes();
        PeopleImportView job = imports.queue(file, charset, dry, identity.getPrincipal().getName(), reach);
        return Response.accepted(job).location(URI.create(BASE + job.id())).tag(EntityTags.of(job.version())).build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getPeopleImport", summary = "How an import of people stands",
            description = "Its state and progress (`processed` of `total` lines in the current phase) while it runs, "
                    + "and what it did at the end. Sends an ETag; with If-None-Match naming it, answers 304.")
    @APIResponseSchema(value = PeopleImportView.class, responseCode = "200", responseDescription = "The import")
    @APIResponse(ref = "NotModified", responseCode = "304")
    @APIResponse(ref = "Forbidden", responseCode = "403")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PeopleImportView job = visible(id);
        return EntityTags.read(job, job.version(), ifNoneMatch).build();
    }

    @GET
    @Path("{id}/errors")
    @Authenticated
    @Operation(operationId = "listPeopleImportErrors", summary = "The problems found in an import's file",
            description = "Every bad line, in file order: the line (1 is the header), the column, a stable code "
                    + "and a message in the language of Accept-Language.")
    @APIResponse(responseCode = "200", description = "One page of problems")
    @APIResponse(ref = "Forbidden", responseCode = "403")
    public ImportErrorPage errors(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Parameter(hidden = true) String acceptLanguage) {
        visible(id);
        Locale locale = ProblemMessages.resolve(acceptLanguage);
        Page<ImportErrorView> page = imports.errors(id, pagination.request(limit, cursor, "people-import-errors?id=" + id),
                locale);
        return new ImportErrorPage(page.items(), page.nextCursor());
    }

    /** An import is seen by whoever started it, and by those who may import people everywhere. */
    private PeopleImportView visible(UUID id) {
        PeopleImportView job = imports.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!imports.requestedBy(id).equals(identity.getPrincipal().getName())
                && !access.reach(Action.PEOPLE_IMPORT).everywhere()) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return job;
    }
}
