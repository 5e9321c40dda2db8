package cn.zhibu.lecture.calendar;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Calendar feeds: secret iCalendar addresses of a person's or a branch's sessions, for calendar apps to
 * subscribe to. Made, listed and revoked with a token; read without one (calendar apps cannot send it), the
 * secret address being the credential.
 */
@Path("/v1/calendar-feeds")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarFeedsResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    private static final String NO_STORE = "no-store";
    /** Calendar apps poll; five minutes of staleness is fine, and the answer is nobody else's to cache. */
    private static final String FEED_CACHE = "private, max-age=300";

    private final CalendarFeedService feeds;
    private final Access access;
    private final JsonWebToken token;

    CalendarFeedsResource(CalendarFeedService feeds, Access access, JsonWebToken token) {
        this.feeds = feeds;
        this.access = access;
        this.token = token;
    }

    @POST
    @Authenticated
    @SecurityRequirement(name = "bearerJwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCalendarFeed", summary = "Make a secret calendar address",
            description = "PERSON: the caller's own sessions, those of the branch they belong to at the time of "
                    + "reading, marked 【主讲】 where they lecture.")
    @APIResponse(responseCode = "201", description = "The feed and its secret address",
            headers = @Header(name = "Cache-Control", description = "The address is kept by nobody on the way",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 8, enumeration = NO_STORE)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarFeedViews.Created.class),
                    examples = @ExampleObject(name = "person", value = """
                            {"id": "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10", "scope": "PERSON", "branchId": null,
                             "personId": "7c2e9d41-6a5b-4f3c-8e1d-9b0a2c4e6f81",
                             "url": "/v1/calendar-feeds/q1T2v3w4x5y6z7A8B9C0d1e2f3g4h5i6j7k8l9m0n1o.ics",
                             "createdAt": "2026-11-28T07:04:05Z"}""")))
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@NotNull @Valid CalendarFeedViews.Create request) {
        UUID person = null;
        UUID branch = request.branchId();
        if (request.scope() == CalendarFeedScope.PERSON) {
            if (branch != null) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "branchId", "only for BRANCH feeds");
            }
            person = access.personId().orElseThrow(() -> new ProblemException(LectureProblem.LECTURE_NOT_A_PERSON));
        } else {
            if (branch == null) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "branchId", "required for BRANCH feeds");
            }
            access.requireNamed(Action.PARTY_DAY_READ, branch,
                    () -> new ProblemException(LectureProblem.PARTY_DAY_BRANCH_NOT_FOUND, branch.toString()));
        }
        CalendarFeedViews.Created feed = feeds.create(request.scope(), person, branch, token.getSubject());
        return Response.status(Response.Status.CREATED).entity(feed).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .build();
    }

    @GET
    @Authenticated
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "listCalendarFeeds", summary = "The caller's live calendar feeds",
            description = "The feeds the caller's account made and has not revoked, newest first, without their "
                    + "addresses (which are not kept). At most ten, so one page.")
    @APIResponse(responseCode = "200", description = "The live feeds",
            headers = @Header(name = "Cache-Control", description = "Not cached",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 8, enumeration = NO_STORE)),
            content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarFeedViews.Feeds.class),
            examples = @ExampleObject(name = "feeds", value = """
                    {"items": [{"id": "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10", "scope": "BRANCH",
                     "branchId": "7c2e9d41-6a5b-4f3c-8e1d-9b0a2c4e6f81", "personId": null,
                     "createdAt": "2026-11-28T07:04:05Z"}]}""")))
    public Response list() {
        return Response.ok(new CalendarFeedViews.Feeds(feeds.list(token.getSubject())))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed",
            description = "Its address answers 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        feeds.revoke(id, token.getSubject(), branch -> access.allows(Action.PARTY_DAY_MANAGE, branch));
    }

    @GET
    @Path("{token}.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR)
    @Operation(operationId = "getCalendarFeed", summary = "Read a calendar feed (iCalendar)",
            description = "For calendar apps: no token, the secret address is the credential.")
    @APIResponse(responseCode = "200", description = "The calendar (RFC 5545)",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control",
                    description = "Cached by the calendar app only, for five minutes",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 32, enumeration = FEED_CACHE))},
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = SchemaType.STRING,
                    format = "binary", maxLength = 2_000_000),
                    examples = @ExampleObject(name = "calendar", value = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                            + "PRODID:-//zhibu//party days//ZH\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                            + "X-WR-CALNAME:我的组织生活\r\nBEGIN:VEVENT\r\n"
                            + "UID:party-day-0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10@zhibu\r\nSEQUENCE:2001\r\n"
                            + "DTSTAMP:20261128T070405Z\r\nDTSTART:20270326T063000Z\r\nDTEND:20270326T083000Z\r\n"
                            + "SUMMARY:【主讲】学习贯彻党的二十届三中全会精神\r\nLOCATION:三楼会议室\r\n"
                            + "STATUS:CONFIRMED\r\nLAST-MODIFIED:20261128T070405Z\r\nEND:VEVENT\r\n"
                            + "END:VCALENDAR\r\n")))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response calendar(
            @Parameter(description = "The feed's secret token", schema = @Schema(type = SchemaType.STRING,
                    minLength = 43, maxLength = 43, pattern = CalendarFeedViews.TOKEN)) @PathParam("token")
            String secret,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String calendar = feeds.calendar(secret).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        byte[] bytes = calendar.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = EntityTags.of(EntityTags.ofContent(bytes));
        Response.ResponseBuilder answer = EntityTags.notModified(ifNoneMatch, tag) ? Response.notModified(tag)
                : Response.ok(bytes, TEXT_CALENDAR).tag(tag);
        return answer.header(HttpHeaders.CACHE_CONTROL, FEED_CACHE).build();
    }
}
