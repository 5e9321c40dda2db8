package cn.zhibu.stats;

import cn.zhibu.org.OrgUnitService;
import cn.zhibu.org.OrgUnitViews;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
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
 * Aggregate figures of a unit's subtree for dashboards, one operation per area. Counts and rates only, never a
 * person; a figure drawn from fewer than zhibu.stats.min-cell people answers null with its reason.
 */
@Path("/v1/stats/org-units/{id}")
@Tag(name = "stats")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class StatsResource {

    private static final String COMMON = " For the unit's whole subtree, from `from` (default: 1 January of `to`'s "
            + "year) to `to` (default: today), at most zhibu.stats.max-period (400 STATS_PERIOD_TOO_LONG; "
            + "STATS_PERIOD_REVERSED when `to` is before `from`), in whole months: `from` the first day of a month, `to` "
            + "the last day of a month or today (400 STATS_PERIOD_NOT_WHOLE_MONTHS), so that two periods a day apart "
            + "cannot be subtracted to single out a person; for the same reason, series by ISO week hold the weeks wholly "
            + "inside the period (and the one running to today), and quiz and integrity figures of the whole period "
            + "show only when each month's are by no one or at least min-cell people. children=true adds the unit's children side by side. "
            + "A figure drawn from fewer than zhibu.stats.min-cell people (default 5) is null with suppressed "
            + "FEWER_THAN_5, and so is a figure that would give a suppressed one away by subtraction (a unit's "
            + "people less its shown categories, a week less its shown days, a unit less its children): a unit's "
            + "figures are decided with its siblings', the same whoever asks and however. Party groups and "
            + "departments have no figures of their own (their people are counted in their branch). Tagged by content (If-None-Match: 304) and kept for a minute (Cache-Control: private, "
            + "max-age).";
    private static final String WHO = " Callers with STATS_READ on the unit (secretaries, org admins, API clients "
            + "with stats:read); a unit out of the caller's sight: 404.";

    private final StatsService stats;
    private final StatsSettings settings;
    private final OrgUnitService units;
    private final Access access;
    private final BusinessCalendar calendar;

    StatsResource(StatsService stats, StatsSettings settings, OrgUnitService units, Access access,
            BusinessCalendar calendar) {
        this.stats = stats;
        this.settings = settings;
        this.units = units;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Path("members")
    @Operation(operationId = "getMemberStats", summary = "Member figures of a unit",
            description = "The people of the subtree's branches on the period's last day (or today) by political "
                    + "status, gender and age band; per month, arrivals and transfers out." + COMMON + WHO)
    @APIResponse(responseCode = "200", description = "The figures", headers = {@Header(name = "ETag", ref = "ETag"),
            @Header(name = "Cache-Control", description = "private, max-age=<seconds>", schema = @Schema(
                    type = SchemaType.STRING, maxLength = 40, pattern = "^private, max-age=[0-9]{1,9}$"))}, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatsViews.MemberStats.class)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response members(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "From") @QueryParam("from") String from, @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(description = "Also the unit's children side by side", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("children") String children,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(StatsService.Area.MEMBERS, Action.STATS_READ, id, from, to, children, ifNoneMatch);
    }

    @GET
    @Path("org-life")
    @Operation(operationId = "getOrgLifeStats", summary = "Organisational life figures of a unit",
            description = "Per kind of session: branch-periods required and met, sessions held and the attendance "
                    + "rate; attendance per month; coverage (培训覆盖面); study hours per party member in the year of "
                    + "the period's end (quartiles, share meeting the requirement)." + COMMON + WHO)
    @APIResponse(responseCode = "200", description = "The figures", headers = {@Header(name = "ETag", ref = "ETag"),
            @Header(name = "Cache-Control", description = "private, max-age=<seconds>", schema = @Schema(
                    type = SchemaType.STRING, maxLength = 40, pattern = "^private, max-age=[0-9]{1,9}$"))}, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatsViews.OrgLifeStats.class)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response orgLife(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "From") @QueryParam("from") String from, @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(description = "Also the unit's children side by side", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("children") String children,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(StatsService.Area.ORG_LIFE, Action.STATS_READ, id, from, to, children, ifNoneMatch);
    }

    @GET
    @Path("study")
    @Operation(operationId = "getStudyStats", summary = "Study figures of a unit",
            description = "Credited check-ins per day and ISO week, weekly participation, scored quiz attempts and "
                    + "their mean score, points per member (quartiles): descriptive, never a ranking." + COMMON + WHO)
    @APIResponse(responseCode = "200", description = "The figures", headers = {@Header(name = "ETag", ref = "ETag"),
            @Header(name = "Cache-Control", description = "private, max-age=<seconds>", schema = @Schema(
                    type = SchemaType.STRING, maxLength = 40, pattern = "^private, max-age=[0-9]{1,9}$"))}, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatsViews.StudyStats.class)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response study(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "From") @QueryParam("from") String from, @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(description = "Also the unit's children side by side", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("children") String children,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(StatsService.Area.STUDY, Action.STATS_READ, id, from, to, children, ifNoneMatch);
    }

    @GET
    @Path("lectures")
    @Operation(operationId = "getLectureStats", summary = "Lecture figures of a unit",
            description = "Micro lectures delivered, not delivered and planned; the hosts' rotation in counts of "
                    + "party groups and departments." + COMMON + WHO)
    @APIResponse(responseCode = "200", description = "The figures", headers = {@Header(name = "ETag", ref = "ETag"),
            @Header(name = "Cache-Control", description = "private, max-age=<seconds>", schema = @Schema(
                    type = SchemaType.STRING, maxLength = 40, pattern = "^private, max-age=[0-9]{1,9}$"))}, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatsViews.LectureStats.class)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response lectures(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "From") @QueryParam("from") String from, @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(description = "Also the unit's children side by side", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("children") String children,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(StatsService.Area.LECTURES, Action.STATS_READ, id, from, to, children, ifNoneMatch);
    }

    @GET
    @Path("integrity")
    @Operation(operationId = "getIntegrityStats", summary = "Integrity figures of a unit",
            description = "Open integrity files, conduct reviews and personal matters reports done in the period and "
                    + "overdue as of its end, in counts, never whose." + COMMON + " Only callers with "
                    + "INTEGRITY_STATS_READ on the unit (integrity officers, org admins): others who see the unit "
                    + "403, a unit out of sight 404.")
    @APIResponse(responseCode = "200", description = "The figures", headers = {@Header(name = "ETag", ref = "ETag"),
            @Header(name = "Cache-Control", description = "private, max-age=<seconds>", schema = @Schema(
                    type = SchemaType.STRING, maxLength = 40, pattern = "^private, max-age=[0-9]{1,9}$"))}, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatsViews.IntegrityStats.class)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response integrity(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "From") @QueryParam("from") String from, @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(description = "Also the unit's children side by side", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("children") String children,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(StatsService.Area.INTEGRITY, Action.INTEGRITY_STATS_READ, id, from, to, children, ifNoneMatch);
    }

    private Response answer(StatsService.Area area, Action action, UUID id, String fromText, String toText,
            String childrenText, String ifNoneMatch) {
        LocalDate to = QueryParams.date("to", toText).orElseGet(calendar::today);
        LocalDate from = QueryParams.date("from", fromText).orElse(to.withDayOfYear(1));
        boolean children = QueryParams.flag("children", childrenText);
        access.require(action, id);
        if (to.isBefore(from)) {
            throw new ProblemException(StatsProblem.STATS_PERIOD_REVERSED, to.toString(), from.toString());
        }
        if (from.getDayOfMonth() != 1 || !(to.equals(to.withDayOfMonth(to.lengthOfMonth()))
                || to.equals(calendar.today()))) {
            throw new ProblemException(StatsProblem.STATS_PERIOD_NOT_WHOLE_MONTHS, from.toString(), to.toString());
        }
        // the contract bounds a series by ten years of days, whatever the setting says
        java.time.Period longest = from.plus(settings.maxPeriod()).isAfter(from.plusYears(10)) ? java.time.Period.ofYears(10)
                : settings.maxPeriod();
        if (!to.isBefore(from.plus(longest))) { // both ends count: P3Y is three years of days, not one more
            throw new ProblemException(StatsProblem.STATS_PERIOD_TOO_LONG, longest.toString());
        }
        OrgUnitViews.View unit = units.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        StatsService.Answer answer = stats.answer(area, new StatsViews.Unit(unit.id(), unit.name(),
                unit.kind().name()), from, to, children);
        EntityTag tag = EntityTags.of(answer.tag());
        Response.ResponseBuilder response = EntityTags.notModified(ifNoneMatch, tag) ? Response.notModified(tag)
                : Response.ok(answer.view()).tag(tag);
        // written out: JAX-RS's CacheControl adds no-transform and puts private last
        return response.header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + settings.maxAge().toSeconds()).build();
    }
}
