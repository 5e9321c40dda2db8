package cn.zhibu.org.people;

import cn.zhibu.org.people.PersonViews.MembershipPage;
import cn.zhibu.org.people.PersonViews.MembershipView;
import cn.zhibu.org.people.PersonViews.PersonPage;
import cn.zhibu.org.people.PersonViews.PersonView;
import cn.zhibu.org.people.PersonViews.PoliticalBirthdayPage;
import cn.zhibu.org.people.PersonViews.PoliticalBirthdayView;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.CharacterLengths;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
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

/** People (党员、群众) and their memberships of branches, party groups and departments. */
@Path("/v1/people")
@Tag(name = "org")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerJwt")
public class PeopleResource {

    private static final String BASE = "/v1/people/";

    private final PersonService people;
    private final Memberships memberships;
    private final PoliticalBirthdays birthdays;
    private final Pagination pagination;
    private final Access access;

    PeopleResource(PersonService people, Memberships memberships, PoliticalBirthdays birthdays, Pagination pagination,
            Access access) {
        this.people = people;
        this.memberships = memberships;
        this.birthdays = birthdays;
        this.pagination = pagination;
        this.access = access;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listPeople", summary = "Search people",
            description = "By name, then id, among the people of the units the caller can see; optionally whose "
                    + "name contains `q`, and who belong now to `unitId` or a unit under it.")
    @APIResponse(responseCode = "200", description = "One page of people")
    public PersonPage list(
            @Parameter(description = "Part of the name", schema = @Schema(type = SchemaType.STRING, maxLength = 32,
                    pattern = "^[^\\x00-\\x1F\\x7F]{0,32}$")) @QueryParam("q") String q,
            @Parameter(description = "Only people of this unit or a unit under it", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Include people who left", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("includeLeft") String includeLeftFlag,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        boolean includeLeft = QueryParams.flag("includeLeft", includeLeftFlag);
        Optional<String> text = Optional.ofNullable(q).map(String::trim).filter(t -> !t.isEmpty());
        if (text.isPresent()
                && (CharacterLengths.of(text.get()) > 32 || text.get().chars().anyMatch(Character::isISOControl))) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "q", "1-32");
        }
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        unit.ifPresent(u -> access.require(Action.PEOPLE_READ, u));
        Access.Reach reach = access.reach(Action.PEOPLE_READ);
        boolean revealPhone = unit.map(u -> access.allows(Action.PEOPLE_PHONE_READ, u))
                .orElseGet(() -> access.reach(Action.PEOPLE_PHONE_READ).everywhere());
        String query = "people?q=" + text.orElse("") + "&unitId=" + unit.map(UUID::toString).orElse("")
                + "&includeLeft=" + includeLeft;
        Page<PersonView> page = people.search(text, unit, reach, includeLeft, pagination.request(limit, cursor, query),
                revealPhone);
        return new PersonPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getPerson", summary = "Read one person",
            description = "Sends an ETag; with If-None-Match naming it, answers 304 Not Modified.")
    @APIResponseSchema(value = PersonView.class, responseCode = "200", responseDescription = "The person")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID home = readable(id);
        PersonView person = people.find(id, access.allows(Action.PEOPLE_PHONE_READ, home))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        // the phone is masked or not depending on who asks: caches must keep answers per caller
        return EntityTags.read(person, person.version(), ifNoneMatch)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Idempotent
    @Operation(operationId = "createPerson", summary = "Add a person to a branch",
            description = "With the branch and, optionally, party groups or departments of it. Requires an "
                    + "Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The person was added (or, on a replay, had been)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PersonView.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PersonRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid PersonViews.Create request) {
        writableUnit(request.branchId());
        PersonView person = people.create(request, access.allows(Action.PEOPLE_PHONE_READ, request.branchId()));
        return Response.created(URI.create(BASE + person.id())).tag(EntityTags.of(person.version())).entity(person)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "changePerson", summary = "Change a person's details",
            description = "Memberships change by transfer. Requires If-Match with the ETag last read. A person the "
                    + "retention purge erased after they left is not written again (409 PERSON_ERASED).")
    @APIResponseSchema(value = PersonView.class, responseCode = "200", responseDescription = "The changed person")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PersonRefused", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PersonViews.Change request) {
        UUID home = writable(id);
        return ok(people.change(id, IfMatch.parse(ifMatch), request, access.allows(Action.PEOPLE_PHONE_READ, home)));
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "transferPerson", summary = "Transfer a person to another branch or other groups",
            description = "The current memberships end the day before `date` and the new ones start on it; history is "
                    + "kept. Requires If-Match with the ETag last read.")
    @APIResponseSchema(value = PersonView.class, responseCode = "200", responseDescription = "The transferred person")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PersonRefused", responseCode = "422")
    public Response transfer(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PersonViews.Transfer request) {
        UUID home = writable(id);
        writableUnit(request.branchId());
        return ok(people.transfer(id, IfMatch.parse(ifMatch), request, access.allows(Action.PEOPLE_PHONE_READ, home)));
    }

    @POST
    @Path("{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "leavePerson", summary = "Record that a person left the branch",
            description = "Memberships end on `date`; the person stays, marked as left. Requires If-Match.")
    @APIResponseSchema(value = PersonView.class, responseCode = "200", responseDescription = "The person, now left")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PersonRefused", responseCode = "422")
    public Response leave(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PersonViews.Leave request) {
        UUID home = writable(id);
        return ok(people.leave(id, IfMatch.parse(ifMatch), request.date(), access.allows(Action.PEOPLE_PHONE_READ, home)));
    }

    @GET
    @Path("{id}/memberships")
    @Authenticated
    @Operation(operationId = "listMemberships", summary = "A person's memberships, oldest first",
            description = "Every branch, party group and department the person belonged to, with dates.")
    @APIResponse(responseCode = "200", description = "One page of memberships")
    public MembershipPage memberships(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        readable(id);
        Page<MembershipView> page = memberships.of(id, pagination.request(limit, cursor, "memberships?person=" + id));
        return new MembershipPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("political-birthdays")
    @Authenticated
    @Operation(operationId = "listPoliticalBirthdays", summary = "Political birthdays (政治生日) in a unit",
            description = "The active members of `unitId` or a unit under it whose party anniversary falls between "
                    + "`from` and `to` (inclusive, at most 366 days), in date order, with their years in the party.")
    @APIResponse(responseCode = "200", description = "One page of anniversaries")
    public PoliticalBirthdayPage politicalBirthdays(
            @Parameter(required = true, description = "The unit", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId", "UUID"));
        LocalDate first = QueryParams.date("from", from)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "from", "YYYY-MM-DD"));
        LocalDate last = QueryParams.date("to", to)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "to", "YYYY-MM-DD"));
        access.require(Action.PEOPLE_READ, unit);
        String query = "political-birthdays?unit=" + unit + "&from=" + first + "&to=" + last;
        Page<PoliticalBirthdayView> page = birthdays.between(unit, first, last,
                pagination.request(limit, cursor, query));
        return new PoliticalBirthdayPage(page.items(), page.nextCursor());
    }

    /** The person's branch, if the caller may read people there; 404 otherwise. */
    private UUID readable(UUID personId) {
        UUID home = people.homeUnit(personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.PEOPLE_READ, home);
        return home;
    }

    private UUID writable(UUID personId) {
        UUID home = people.homeUnit(personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.PEOPLE_WRITE, home);
        return home;
    }

    /** A branch named in a request: one the caller cannot see is reported like one that does not exist. */
    private void writableUnit(UUID unitId) {
        access.requireNamed(Action.PEOPLE_WRITE, unitId,
                () -> new ProblemException(PeopleProblem.PERSON_UNIT_NOT_FOUND, unitId.toString()));
    }

    private static Response ok(PersonView person) {
        return EntityTags.changed(person, person.version());
    }
}
