package cn.zhibu.points.file;

import cn.zhibu.org.OrgUnitService;
import cn.zhibu.org.OrgUnitViews;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.org.people.PersonViews;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.LedgerViews;
import cn.zhibu.points.PointsAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member file (一人一档): a person's year of points. */
@Path("/v1/people/{id}/file")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MemberFileResource {

    private final MemberFileService files;
    private final PersonService people;
    private final OrgUnitService units;
    private final Pagination pagination;
    private final PointsAccess readers;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;
    private final Access access;

    MemberFileResource(MemberFileService files, PersonService people, OrgUnitService units, Pagination pagination,
            PointsAccess readers, BusinessCalendar calendar, ObjectMapper json, Access access) {
        this.files = files;
        this.people = people;
        this.units = units;
        this.pagination = pagination;
        this.readers = readers;
        this.calendar = calendar;
        this.json = json;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getMemberFile", summary = "A person's member file for a year",
            description = "Totals of the year (overall, by activity type, by ISO week with entries, by month), "
                    + "the rating band the total earns in the person's branch.")
    @APIResponseSchema(value = MemberFileViews.File.class, responseCode = "200", responseDescription = "The file")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response file(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The calendar year (default: this year)", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "2000", maximum = "9999")) @QueryParam("year") String year,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID branch = readable(id);
        int which = year(year);
        String name = people.find(id, false).map(PersonViews.PersonView::name)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        String branchName = units.find(branch).map(OrgUnitViews.View::name)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        // the appraisal grade and the secretary's pledge comment are the member's and the branch committee's, not
        // every reader's of the file (a group leader reads points)
        boolean inFull = access.personId().filter(id::equals).isPresent()
                || access.allows(Action.ANNUAL_MANAGE, branch);
        MemberFileViews.File file = files.file(id, name, branch, branchName, which, page(id, which, limit, null),
                inFull);
        return cn.zhibu.platform.http.EntityTags.read(file, tag(file), ifNoneMatch).build();
    }

    @GET
    @Path("timeline")
    @Operation(operationId = "listMemberFileTimeline", summary = "A person's ledger entries of a year",
            description = "The year's entries with their sources, the latest date first (on one date, the newest "
                    + "first): the member file's timeline, page by page.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    public LedgerViews.Page timeline(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The calendar year (default: this year); send it with a cursor too, the "
                    + "year the cursor's first page was read for", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "2000", maximum = "9999")) @QueryParam("year") String year,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        readable(id);
        int which = year(year);
        Page<LedgerViews.View> page = files.timeline(id, which, page(id, which, limit, cursor));
        return new LedgerViews.Page(page.items(), page.nextCursor());
    }

    /** The person's branch, when the caller may read their file (see {@link PointsAccess}); else 404/403. */
    private UUID readable(UUID personId) {
        return readers.readable(personId);
    }

    private PageRequest page(UUID personId, int year, String limit, String cursor) {
        return pagination.request(limit, cursor, "member-file-timeline?person=" + personId + "&year=" + year);
    }

    private int year(String year) {
        if (year == null || year.isEmpty()) {
            return calendar.today().getYear();
        }
        if (year.matches("^[0-9]{4}$") && Integer.parseInt(year) >= 2000) {
            return Integer.parseInt(year);
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "year", "2000-9999");
    }

    /** The file's entity tag: a digest of what it says, so it changes whenever any part of it does. */
    private long tag(MemberFileViews.File file) {
        try {
            return cn.zhibu.platform.http.EntityTags.ofContent(json.writeValueAsBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
