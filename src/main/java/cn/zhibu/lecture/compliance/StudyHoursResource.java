package cn.zhibu.lecture.compliance;

import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.PointsAccess;
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

/** A person's study hours (学时) of a year. */
@Path("/v1/people/{id}/study-hours")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class StudyHoursResource {

    private final StudyHoursService hours;
    private final PointsAccess readers;
    private final BusinessCalendar calendar;

    StudyHoursResource(StudyHoursService hours, PointsAccess readers, BusinessCalendar calendar) {
        this.hours = hours;
        this.readers = readers;
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "getStudyHours", summary = "A person's study hours of a year",
            description = "Hours from the sessions they attended (present) that were held, each session's own hours "
                    + "or its kind's setting or its duration rounded to the half hour; and from study materials with "
                    + "hours they checked in on (a credited check-in), once per material in the year of the first. "
                    + "Against the yearly requirement and its share to date. The person themself, and whoever may "
                    + "read their member file.")
    @APIResponseSchema(value = ComplianceViews.PersonHours.class, responseCode = "200",
            responseDescription = "The hours")
    public ComplianceViews.PersonHours studyHours(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The calendar year (default: this year)", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "2000", maximum = "9999")) @QueryParam("year") String year) {
        readers.readable(id);
        return hours.person(id, OrgLifeYear.parse(year, calendar.today()));
    }
}
