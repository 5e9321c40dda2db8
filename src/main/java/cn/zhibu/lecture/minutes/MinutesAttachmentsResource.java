package cn.zhibu.lecture.minutes;

import cn.zhibu.lecture.PartyDayAccess;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The files of a session (photos, the sign-in sheet, scanned minutes): uploaded as the raw body, with the purpose and
 * the file name as query parameters; JPEG, PNG or PDF, judged by the bytes.
 */
@Path("/v1/party-days/{id}/attachments")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MinutesAttachmentsResource {

    private static final String BINARY = "binary";
    private static final String PROBLEM = "application/problem+json";
    private static final String DISPOSITION =
            "^attachment; filename=\"[\\x20-\\x7E]*\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$";

    private final AttachmentService attachments;
    private final PartyDayAccess sessions;
    private final Access access;
    private final JsonWebToken token;
    private final RoutingContext routing;

    MinutesAttachmentsResource(AttachmentService attachments, PartyDayAccess sessions, Access access,
            JsonWebToken token, RoutingContext routing) {
        this.attachments = attachments;
        this.sessions = sessions;
        this.access = access;
        this.token = token;
        this.routing = routing;
    }

    @POST
    @Consumes({AttachmentContent.JPEG, AttachmentContent.PNG, AttachmentContent.PDF})
    @Operation(operationId = "uploadPartyDayAttachment", summary = "Attach a photo, the sign-in sheet or scanned "
            + "minutes to a session",
            description = "The body is the file itself; its Content-Type (image/jpeg, image/png or application/pdf) "
                    + "must be what the bytes are (422 ATTACHMENT_NOT_AS_DECLARED), and a file that also carries "
                    + "script or page markup, another format or PDF actions is refused (422 "
                    + "ATTACHMENT_ACTIVE_CONTENT). At most zhibu.minutes.max-attachment-bytes (10 MiB by default; "
                    + "413 beyond) and zhibu.minutes.max-attachments per session (422 ATTACHMENT_TOO_MANY). Not once "
                    + "the minutes are archived (409 MINUTES_ARCHIVED). Secretaries and org admins.")
    @RequestBody(required = true, description = "The file", content = {
            @Content(mediaType = AttachmentContent.JPEG, schema = @Schema(type = SchemaType.STRING, format = BINARY,
                    maxLength = 16777216)),
            @Content(mediaType = AttachmentContent.PNG, schema = @Schema(type = SchemaType.STRING, format = BINARY,
                    maxLength = 16777216)),
            @Content(mediaType = AttachmentContent.PDF, schema = @Schema(type = SchemaType.STRING, format = BINARY,
                    maxLength = 16777216))})
    @APIResponse(responseCode = "201", description = "The stored attachment, with the SHA-256 of its bytes",
            headers = @Header(name = "Location", ref = "Location"), content = @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MinutesViews.Attachment.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response upload(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "What the file is", required = true, schema = @Schema(
                    implementation = MinutesViews.Purpose.class)) @QueryParam("purpose") String purpose,
            @Parameter(description = "The file's name (folders and control characters are dropped; the "
                    + "extension follows the bytes)", schema = @Schema(type = SchemaType.STRING, maxLength = 255,
                    pattern = Patterns.LONG_TEXT, examples = "合影.jpg")) @QueryParam("fileName") String fileName,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        // the file as the HTTP layer buffered it (RequestBodies), up to zhibu.import.max-bytes
        byte[] file = routing.body() == null || routing.body().buffer() == null ? new byte[0]
                : routing.body().buffer().getBytes();
        if (file.length == 0) {
            throw new ProblemException(MinutesProblem.ATTACHMENT_EMPTY);
        }
        sessions.managed(id);
        MinutesViews.Purpose kind = Arrays.stream(MinutesViews.Purpose.values())
                .filter(p -> p.name().equals(purpose)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "purpose", "PHOTO"));
        if (fileName != null && fileName.length() > AttachmentNames.MAX_LENGTH) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "fileName", "合影.jpg");
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        MinutesViews.Attachment stored = attachments.upload(id, kind, fileName, type, file, token.getSubject());
        return Response.created(URI.create("/v1/party-days/" + id + "/attachments/" + stored.id())).entity(stored)
                .build();
    }

    @GET
    @Operation(operationId = "listPartyDayAttachments", summary = "A session's attachments, oldest first",
            description = "What each is, its name, type, size and SHA-256; not the bytes.")
    @APIResponseSchema(value = MinutesViews.Attachments.class, responseCode = "200",
            responseDescription = "The attachments")
    public MinutesViews.Attachments list(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        sessions.readable(id);
        return new MinutesViews.Attachments(attachments.list(id));
    }

    @GET
    @Path("{attachmentId}")
    @Produces({AttachmentContent.JPEG, AttachmentContent.PNG, AttachmentContent.PDF, PROBLEM})
    @Operation(operationId = "downloadPartyDayAttachment", summary = "Download an attachment",
            description = "The bytes as uploaded, with their type, as a download (Content-Disposition attachment, "
                    + "the name in UTF-8), never sniffed; the ETag is their SHA-256.")
    @APIResponse(responseCode = "200", description = "The file", headers = {
            @Header(name = "ETag", description = "The SHA-256 of the bytes, hex, quoted",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 66, pattern = "^\"[0-9a-f]{64}\"$")),
            @Header(name = "Content-Disposition", description = "attachment, with the file's name (RFC 6266)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048, pattern = DISPOSITION)),
            @Header(name = "X-Content-Type-Options", description = "nosniff",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 7, enumeration = "nosniff"))},
            content = {
                    @Content(mediaType = AttachmentContent.JPEG, schema = @Schema(type = SchemaType.STRING,
                            format = BINARY, maxLength = 16777216)),
                    @Content(mediaType = AttachmentContent.PNG, schema = @Schema(type = SchemaType.STRING,
                            format = BINARY, maxLength = 16777216)),
                    @Content(mediaType = AttachmentContent.PDF, schema = @Schema(type = SchemaType.STRING,
                            format = BINARY, maxLength = 16777216))})
    public Response download(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.PATH, description = "The attachment", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @PathParam("attachmentId") UUID attachmentId) {
        sessions.readable(id);
        AttachmentService.Download file = attachments.download(id, attachmentId);
        return Response.ok(file.content(), file.attachment().contentType())
                .header("Content-Disposition", AttachmentNames.contentDisposition(file.attachment().fileName()))
                .header(HttpHeaders.ETAG, "\"" + file.attachment().sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    @DELETE
    @Path("{attachmentId}")
    @Operation(operationId = "deletePartyDayAttachment", summary = "Remove an attachment",
            description = "Only while the minutes are not archived (409 MINUTES_ARCHIVED). Secretaries and org "
                    + "admins.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public void delete(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.PATH, description = "The attachment", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @PathParam("attachmentId") UUID attachmentId) {
        sessions.managed(id);
        attachments.delete(id, attachmentId);
    }
}
