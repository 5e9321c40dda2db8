package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.platform.csv.CsvExport;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Weekly boards (每周学习榜单): live standings of people and units for an ISO week, the caller's own
 * standing, the check of a week's standings against the ledger, and each unit's settings. Published weeks are
 * {@link PublishedWeeksResource}'s.
 */
@Path("/v1/leaderboards")
@Tag(name = "leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class LeaderboardsResource {

    private static final String WEEK = "The ISO week (default: this week, by the business calendar)";
    private static final String METRIC = "How units are ranked (default: the unit's own choice in its settings, "
            + "else POINTS_PER_MEMBER); PARTICIPATION only where the unit chose it";

    private final LeaderboardService boards;
    private final LeaderboardSettings settings;
    private final Access access;
    private final Pagination pagination;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;
    private final JsonWebToken token;
    private final StandingsCheck standingsCheck;
    private final BoardVisibility visibility;

    LeaderboardsResource(LeaderboardService boards, Access access, Pagination pagination, BusinessCalendar calendar,
            ObjectMapper json, JsonWebToken token, LeaderboardSettings settings, StandingsCheck standingsCheck,
            BoardVisibility visibility) {
        this.standingsCheck = standingsCheck;
        this.visibility = visibility;
        this.boards = boards;
        this.settings = settings;
        this.token = token;
        this.access = access;
        this.pagination = pagination;
        this.calendar = calendar;
        this.json = json;
    }

    @GET
    @Path("{id}/people")
    @Operation(operationId = "getPeopleBoard", summary = "A unit's people for a week, best first",
            description = "The people of the unit (and the units below it) with a counted entry that week, by the "
                    + "week's points: competition ranks (1, 2, 2, 4). What it lists follows the unit's board visibility "
                    + "(everyone, or the caller's own row; 404 LEADERBOARD_PEOPLE_OFF where person boards are OFF).")
    @APIResponseSchema(value = LeaderboardViews.PeopleBoard.class, responseCode = "200",
            responseDescription = "One page of the board")
    @APIResponse(ref = "NotModified", responseCode = "304")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public Response people(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = WEEK, schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8))
            @QueryParam("week") String week,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.LEADERBOARD_READ, unitId);
        IsoWeek which = week(week);
        var page = pagination.request(limit, cursor, "people-board?unit=" + unitId + "&week=" + which);
        return tagged(boards.people(unitId, which, page, seen(unitId)), ifNoneMatch);
    }

    @GET
    @Path("{id}/units")
    @Operation(operationId = "getUnitsBoard", summary = "A unit's child units for a week, ranked",
            description = "The party groups and departments of a branch, or the committees and branches of a "
                    + "committee, with their members now, participants (members with a counted entry that week). 404 "
                    + "LEADERBOARD_UNITS_OFF where the unit's unit boards are OFF.")
    @APIResponseSchema(value = LeaderboardViews.UnitsBoard.class, responseCode = "200",
            responseDescription = "The units board")
    @APIResponse(ref = "NotModified", responseCode = "304")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response units(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = WEEK, schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8))
            @QueryParam("week") String week,
            @Parameter(description = METRIC, schema = @Schema(implementation = Metric.class)) @QueryParam("metric")
            String metric,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.LEADERBOARD_READ, unitId);
        visibility.requireUnitBoards(unitId);
        return tagged(boards.unitsBoard(unitId, week(week), metric(metric, unitId)), ifNoneMatch);
    }

    @GET
    @Path("{id}/people.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @Operation(operationId = "exportPeopleBoard", summary = "A unit's people for a week, as CSV",
            description = "Every participant of the board, best first, as a CSV file for Excel: UTF-8 with a byte "
                    + "order mark, columns 名次,姓名,积分 (rank, name, points); anonymous people as 匿名. Who may and "
                    + "which rows: as for the board (its visibility: everyone, or the caller's own row).")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = CsvExport.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 100000000)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    public Response exportPeople(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = WEEK, schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8))
            @QueryParam("week") String week) {
        access.require(Action.LEADERBOARD_READ, unitId);
        IsoWeek which = week(week);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("名次", "姓名", "积分"));
        boards.everyone(unitId, which, seen(unitId)).forEach(r -> rows.add(List.of(Long.toString(r.rank()), r.name(),
                Integer.toString(r.points()))));
        return csv(rows, "people-" + which + ".csv");
    }

    @GET
    @Path("{id}/units.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @Operation(operationId = "exportUnitsBoard", summary = "A unit's child units for a week, as CSV",
            description = "The units board as a CSV file for Excel (UTF-8 with a byte order mark), columns "
                    + "名次,单位,人数,参与人数,总积分,人均积分,参与率 (the rate only on a board ranked by PARTICIPATION). "
                    + "As the board: 404 LEADERBOARD_UNITS_OFF where unit boards are OFF.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = CsvExport.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 100000000)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response exportUnits(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = WEEK, schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8))
            @QueryParam("week") String week,
            @Parameter(description = METRIC, schema = @Schema(implementation = Metric.class)) @QueryParam("metric")
            String metric) {
        access.require(Action.LEADERBOARD_READ, unitId);
        visibility.requireUnitBoards(unitId);
        IsoWeek which = week(week);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("名次", "单位", "人数", "参与人数", "总积分", "人均积分", "参与率"));
        boards.unitsBoard(unitId, which, metric(metric, unitId)).items().forEach(u -> rows.add(List.of(
                u.rank() == null ? "" : Integer.toString(u.rank()), u.name(), Long.toString(u.members()),
                Long.toString(u.participants()), Long.toString(u.total()), Double.toString(u.perMember()),
                u.participationRate() == null ? "" : Double.toString(u.participationRate()))));
        return csv(rows, "units-" + which + ".csv");
    }

    private static Response csv(List<List<String>> rows, String filename) {
        return Response.ok(CsvExport.of(rows), CsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    @GET
    @Path("me")
    @Operation(operationId = "getMyStanding", summary = "Where I stand this week",
            description = "The caller's points, rank, the points to the rank above, percentile among the "
                    + "participants, and their unit's rank among its siblings, on the board of `unitId`, as far as "
                    + "the unit's board visibility shows them (see MyStanding).")
    @APIResponseSchema(value = LeaderboardViews.Me.class, responseCode = "200",
            responseDescription = "The caller's standing")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public LeaderboardViews.Me me(
            @Parameter(description = "The board's unit (default: the caller's branch)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId")
            UUID unitId,
            @Parameter(description = WEEK, schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8))
            @QueryParam("week") String week,
            @Parameter(description = METRIC, schema = @Schema(implementation = Metric.class)) @QueryParam("metric")
            String metric) {
        UUID person = self();
        UUID unit = unitId != null ? unitId : access.branchId()
                .orElseThrow(() -> new ProblemException(LeaderboardProblem.LEADERBOARD_NO_BRANCH));
        access.require(Action.LEADERBOARD_READ, unit);
        return boards.me(person, unit, week(week), metric(metric, unit), visibility.of(unit));
    }

    @GET
    @Path("preferences/me")
    @Operation(operationId = "getMyBoardPreference", summary = "Whether I appear anonymously on boards",
            description = "A person's own account only.")
    @APIResponseSchema(value = LeaderboardViews.Preference.class, responseCode = "200",
            responseDescription = "The choice")
    public LeaderboardViews.Preference preference() {
        return boards.preference(self());
    }

    @PUT
    @Path("preferences/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyBoardPreference", summary = "Appear on boards as 匿名, or by name",
            description = "Anonymous people are listed as 匿名 without their id, on live boards and on weeks "
                    + "published afterwards; they still count in every rank and figure. A person's own account only.")
    @APIResponseSchema(value = LeaderboardViews.Preference.class, responseCode = "200",
            responseDescription = "The choice made")
    public LeaderboardViews.Preference choose(@NotNull @Valid LeaderboardViews.Preference preference) {
        return boards.choose(self(), preference.anonymous());
    }

    private UUID self() {
        return access.personId().orElseThrow(() -> new ProblemException(LeaderboardProblem.LEADERBOARD_NOT_A_PERSON));
    }

    @GET
    @Path("weeks/{week}/check")
    @Operation(operationId = "checkStandings", summary = "Check a week's standings against the ledger",
            description = "Recomputes the week from the ledger entries the standings have taken in.")
    @APIResponseSchema(value = LeaderboardViews.Check.class, responseCode = "200", responseDescription = "The check")
    public LeaderboardViews.Check check(@Parameter(description = "The ISO week", required = true,
            schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8)) @PathParam("week") String week) {
        access.requireEverywhere(Action.LEADERBOARD_MANAGE);
        return standingsCheck.check(week(week));
    }

    @GET
    @Path("{id}/settings")
    @Operation(operationId = "getLeaderboardSettings", summary = "How a unit ranks its child units",
            description = "The metric of the unit's units board, its published weeks and its study leaders: its "
                    + "own choice, or POINTS_PER_MEMBER.")
    @APIResponseSchema(value = LeaderboardViews.Settings.class, responseCode = "200",
            responseDescription = "The settings")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response settings(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.LEADERBOARD_READ, unitId);
        LeaderboardViews.Settings found = settings.find(unitId);
        return EntityTags.read(found, found.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putLeaderboardSettings", summary = "Choose how a unit ranks its child units",
            description = "POINTS_PER_MEMBER, PARTICIPATION or TOTAL: the default of its units board from now on, "
                    + "and the ranking of the weeks it publishes afterwards (published weeks keep theirs).")
    @APIResponse(responseCode = "200", description = "The settings now", headers = @Header(name = "ETag",
            ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeaderboardViews.Settings.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    @APIResponse(ref = "PreconditionRequired", responseCode = "428")
    public Response chooseSettings(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(name = "If-Match", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER,
                    description = "The ETag of the settings last read; not sent for the unit's first choice",
                    schema = @Schema(maxLength = 300, pattern = cn.zhibu.platform.http.IfMatch.PATTERN))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LeaderboardViews.SettingsChange change) {
        access.require(Action.LEADERBOARD_MANAGE, unitId);
        LeaderboardViews.Settings chosen = settings.choose(unitId, ifMatch, change.metric(), token.getSubject());
        return EntityTags.changed(chosen, chosen.version());
    }

    private Response tagged(Object board, String ifNoneMatch) {
        return tagged(json, board, ifNoneMatch);
    }

    /** A board with an ETag of its content (304 when If-None-Match names it). */
    static Response tagged(ObjectMapper json, Object board, String ifNoneMatch) {
        try {
            return EntityTags.read(board, EntityTags.ofContent(json.writeValueAsBytes(board)), ifNoneMatch).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private IsoWeek week(String week) {
        return week(week, calendar);
    }

    /** The week named, or this week. */
    static IsoWeek week(String week, BusinessCalendar calendar) {
        return QueryParams.isoWeek("week", week).orElseGet(calendar::currentWeek);
    }

    /**
     * The metric asked for, or the unit's own choice (its settings) when none is; PARTICIPATION only where the unit
     * chose it (422 {@code LEADERBOARD_METRIC_NOT_CHOSEN}).
     */
    private Metric metric(String metric, UUID unitId) {
        Metric chosen = settings.metricOf(unitId);
        if (metric == null || metric.isEmpty()) {
            return chosen;
        }
        Metric asked;
        try {
            asked = Metric.valueOf(metric.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "metric",
                    "POINTS_PER_MEMBER | PARTICIPATION | TOTAL");
        }
        if (asked == Metric.PARTICIPATION && chosen != Metric.PARTICIPATION) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_METRIC_NOT_CHOSEN);
        }
        return asked;
    }

    /** What the caller may see of the unit's people (404 where its person boards are OFF). */
    private Seen seen(UUID unitId) {
        Seen seen = visibility.seen(unitId, access.personId().orElse(null));
        if (seen.people() == VisibilityViews.PersonBoards.OFF) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_PEOPLE_OFF);
        }
        return seen;
    }
}
