package cn.zhibu.annual.honour;

import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The honours of a unit's profile: its own, its sub-units' and its people's. */
@Path("/v1/org-units/{id}/honours")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class UnitHonoursResource {

    private final HonourService honours;
    private final Access access;
    private final Pagination pagination;

    UnitHonoursResource(HonourService honours, Access access, Pagination pagination) {
        this.honours = honours;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Operation(operationId = "listUnitHonours", summary = "A unit's honours and its people's, latest year first",
            description = "Of the unit and its sub-units, and of the people who are members of them now. For those "
                    + "who may see the unit's annual cycle.")
    @APIResponseSchema(value = HonourViews.Page.class, responseCode = "200", responseDescription = "One page")
    public HonourViews.Page list(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "Only this year's", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "2000", maximum = "2100")) @QueryParam("year") String year,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.require(Action.ANNUAL_READ, id);
        Integer which = QueryParams.year("year", year).orElse(null);
        Page<HonourViews.View> page = honours.ofUnit(id, which,
                pagination.request(limit, cursor, "unit-honours?unit=" + id + "&year=" + which));
        return new HonourViews.Page(page.items(), page.nextCursor());
    }
}
