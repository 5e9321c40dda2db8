package cn.zhibu.points;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
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

/** Scoring rules (得分细则): what activities earn in a unit's subtree, versioned from dates. */
@Path("/v1/scoring-rules")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class ScoringRulesResource {

    private final ScoringRuleService rules;
    private final Pagination pagination;
    private final Access access;
    private final JsonWebToken token;
    private final BusinessCalendar calendar;

    ScoringRulesResource(ScoringRuleService rules, Pagination pagination, Access access, JsonWebToken token,
            BusinessCalendar calendar) {
        this.rules = rules;
        this.pagination = pagination;
        this.access = access;
        this.token = token;
        this.calendar = calendar;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "createScoringRule", summary = "Make a new version of a unit's scoring rule",
            description = "For one activity type, from a date (today or later, after the unit's latest version); "
                    + "the units under it inherit it unless they have their own. STUDY_TIME only on a branch: its points "
                    + "are per full block of a check-in's study time (see ActivityType).")
    @APIResponse(responseCode = "201", description = "The new version",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScoringRuleViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "ScoringRuleRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid ScoringRuleViews.Create request) {
        access.requireNamed(Action.SCORING_RULE_WRITE, request.unitId(),
                () -> new ProblemException(PointsProblem.RULE_UNIT_NOT_FOUND, request.unitId().toString()));
        ScoringRuleViews.View rule = rules.create(request, token.getSubject());
        return Response.created(URI.create("/v1/scoring-rules/" + rule.id())).tag(EntityTags.of(0)).entity(rule)
                .build();
    }

    @GET
    @Operation(operationId = "listScoringRules", summary = "The rule versions made on a unit",
            description = "Its own versions (not inherited ones), by activity type, newest version first.")
    @APIResponse(responseCode = "200", description = "One page of versions")
    public ScoringRuleViews.Page list(
            @Parameter(required = true, description = "The unit", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this activity type", schema = @Schema(implementation = ActivityType.class))
            @QueryParam("activityType") String activityType,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = required(unitId);
        Optional<ActivityType> type = Optional.ofNullable(activityType).filter(t -> !t.isEmpty()).map(t -> {
            try {
                return ActivityType.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "activityType", "an activity type");
            }
        });
        access.require(Action.ORG_READ, unit);
        Page<ScoringRuleViews.View> page = rules.versions(unit, type, pagination.request(limit, cursor,
                "scoring-rules?unit=" + unit + "&type=" + type.map(Enum::name).orElse("")));
        return new ScoringRuleViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("effective")
    @Operation(operationId = "listEffectiveScoringRules", summary = "What each activity earns in a unit on a date",
            description = "For every activity type that earns points there: the version that holds, the unit's own or "
                    + "inherited from the nearest unit above. Without `date`, today.")
    @APIResponseSchema(value = ScoringRuleViews.EffectiveList.class, responseCode = "200",
            responseDescription = "The rules that hold")
    public ScoringRuleViews.EffectiveList effective(
            @Parameter(required = true, description = "The unit", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "The business date (default: today)", schema = @Schema(type = SchemaType.STRING,
                    format = "date")) @QueryParam("date") String date) {
        UUID unit = required(unitId);
        access.require(Action.ORG_READ, unit);
        LocalDate day = QueryParams.date("date", date).orElseGet(calendar::today);
        return new ScoringRuleViews.EffectiveList(unit, day, rules.effective(unit, day));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getScoringRule", summary = "Read one rule version",
            description = "Versions never change, so its ETag never does.")
    @APIResponseSchema(value = ScoringRuleViews.View.class, responseCode = "200", responseDescription = "The version")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(jakarta.ws.rs.core.HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ScoringRuleViews.View rule = rules.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.ORG_READ, rule.unitId());
        return EntityTags.read(rule, 0, ifNoneMatch).build();
    }

    private static UUID required(String unitId) {
        return QueryParams.uuid("unitId", unitId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId", "UUID"));
    }
}
