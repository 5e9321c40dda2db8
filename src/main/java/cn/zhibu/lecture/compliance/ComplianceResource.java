package cn.zhibu.lecture.compliance;

import cn.zhibu.org.OrgUnitService;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The yearly compliance view of organisational life (三会一课 and the rest): what an inspector asks for. */
@Path("/v1/org-life/compliance")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class ComplianceResource {

    private final ComplianceService compliance;
    private final OrgUnitService units;
    private final Access access;
    private final BusinessCalendar calendar;

    ComplianceResource(ComplianceService compliance, OrgUnitService units, Access access, BusinessCalendar calendar) {
        this.compliance = compliance;
        this.units = units;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "getOrgLifeCompliance", summary = "A unit's year of organisational life",
            description = "For a branch: each kind's required frequency (the branch's choice or the default), its "
                    + "periods as of today (HELD, MISSED, DUE, UPCOMING; held + missed + due + upcoming = required) "
                    + "with their sessions and each held session's attendance rate, and the party members below the "
                    + "yearly study hours. For a committee: its branches side by side. A session counts as held once "
                    + "HELD or started and not cancelled. Secretaries of the branch and org admins of it or a unit "
                    + "above (ORG_LIFE_REPORT_READ); 422 ORG_LIFE_UNIT_NOT_SUPPORTED for party groups and "
                    + "departments.")
    @APIResponseSchema(value = ComplianceViews.Report.class, responseCode = "200", responseDescription = "The year")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public ComplianceViews.Report compliance(
            @Parameter(description = "The branch or committee", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "The calendar year (default: this year)", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "2000", maximum = "9999")) @QueryParam("year") String year) {
        UUID unit = QueryParams.uuid("unitId", unitId).orElseThrow(() -> new ProblemException(
                ProblemCode.INVALID_PARAMETER, "unitId", "00000000-0000-0000-0000-000000000000"));
        int which = OrgLifeYear.parse(year, calendar.today());
        access.require(Action.ORG_LIFE_REPORT_READ, unit);
        return compliance.report(units.find(unit).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND)),
                which);
    }
}
