package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's own data, as one download (PIPL Art. 45). */
@Path("/v1/me/data")
@Tag(name = "privacy")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MyDataResource {

    static final String DISPOSITION = "^attachment; filename=\"zhibu-my-data-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.json\"$";

    private final MyDataService exports;
    private final Access access;
    private final JsonWebToken token;

    MyDataResource(MyDataService exports, Access access, JsonWebToken token) {
        this.exports = exports;
        this.access = access;
        this.token = token;
    }

    @GET
    @Operation(operationId = "exportMyData", summary = "Export everything zhibu holds about me",
            description = "One JSON document, as a download, of everything held about the caller's person (PIPL "
                    + "Art. 45): the person (the phone in full), memberships, account and roles, sign-in sessions, "
                    + "study, quizzes, points and boards, sessions and lectures, organisational life, campaigns, the "
                    + "annual cycle and integrity declarations they made, and their earlier exports. Read in one "
                    + "consistent snapshot. Other people appear by id only; integrity file entries about the person "
                    + "and the audit of who read them are not included. For a person's own account only (403 "
                    + "MY_DATA_NOT_A_PERSON for API clients and staff accounts without a person). Each export is "
                    + "recorded; a person makes at most zhibu.my-data.per-hour exports in any hour (429 "
                    + "MY_DATA_EXPORTS_EXHAUSTED with Retry-After, not recorded).")
    @APIResponse(responseCode = "200", description = "The document, to be saved as a file", headers = {
            @Header(name = "Content-Disposition", description = "attachment, named after the business date",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 60, pattern = DISPOSITION)),
            @Header(name = "Cache-Control", ref = "NoStore")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MyDataViews.Document.class)))
    public Response export() {
        UUID me = access.personId().orElseThrow(() -> new ProblemException(MyDataProblem.MY_DATA_NOT_A_PERSON));
        MyDataService.Export export = exports.export(me, token.getSubject());
        return Response.ok(export.json(), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"zhibu-my-data-" + export.date() + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
