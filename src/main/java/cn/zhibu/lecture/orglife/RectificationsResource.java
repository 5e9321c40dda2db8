package cn.zhibu.lecture.orglife;

import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rectification items of a branch, or of every branch under a unit, followed until closed. */
@Path("/v1/rectifications")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class RectificationsResource {

    private final OrgLifeLists reader;
    private final Access access;
    private final Pagination pagination;

    RectificationsResource(OrgLifeLists reader, Access access, Pagination pagination) {
        this.reader = reader;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Operation(operationId = "listRectifications", summary = "Rectification items of a unit, earliest due first",
            description = "The items of the organisational life meetings of every branch in the unit's subtree "
                    + "(default: the caller's own branch), each with its session's id, theme and day and its "
                    + "owner's name. `overdue=true`: only items OPEN and due before today.")
    @APIResponseSchema(value = OrgLifeViews.RectificationPage.class, responseCode = "200",
            responseDescription = "One page of items")
    public OrgLifeViews.RectificationPage list(
            @Parameter(description = "The unit (default: the caller's branch)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only items in this state", schema = @Schema(
                    implementation = RectificationState.class)) @QueryParam("state") String state,
            @Parameter(description = "Only overdue items (OPEN and due before today)", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId).or(access::branchId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId",
                        "00000000-0000-0000-0000-000000000000"));
        OrgLifeLists.Filter filter = new OrgLifeLists.Filter(state(state),
                QueryParams.flag("overdue", overdue));
        access.require(Action.PARTY_DAY_READ, unit);
        Page<OrgLifeViews.RectificationView> page = reader.under(unit, filter, pagination.request(limit, cursor,
                "rectifications?unit=" + unit + "&state=" + filter.state() + "&overdue=" + filter.overdue()));
        return new OrgLifeViews.RectificationPage(page.items(), page.nextCursor());
    }

    private static RectificationState state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Arrays.stream(RectificationState.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "state", "OPEN, DONE"));
    }
}
