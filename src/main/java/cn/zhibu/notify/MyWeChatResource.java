package cn.zhibu.notify;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.zhibu.platform.security.Access;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's choices for WeChat: which kinds of notice go there, and the templates accepted. */
@Path("/v1/me")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MyWeChatResource {

    private final MemberChoices choices;
    private final Access access;
    private final ObjectMapper json;

    MyWeChatResource(MemberChoices choices, Access access, ObjectMapper json) {
        this.choices = choices;
        this.access = access;
        this.json = json;
    }

    @GET
    @Path("notification-preferences")
    @Operation(operationId = "getMyNotificationPreferences", summary = "Which kinds of notice also go to WeChat",
            description = "Every kind, on unless the caller turned it off. The inbox has every notice whatever the "
                    + "choice.")
    @APIResponseSchema(value = NotificationViews.Preferences.class, responseCode = "200",
            responseDescription = "The caller's choices")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response preferences(
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return tagged(choices.preferences(me()), ifNoneMatch);
    }

    @PUT
    @Path("notification-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyNotificationPreferences", summary = "Choose which kinds of notice go to WeChat",
            description = "The listed kinds change; the others keep their choice. Takes effect for messages not "
                    + "yet sent.")
    @APIResponseSchema(value = NotificationViews.Preferences.class, responseCode = "200",
            responseDescription = "The caller's choices now")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public NotificationViews.Preferences choose(@NotNull @Valid NotificationViews.PreferencesChange change) {
        return choices.choose(me(), change);
    }

    @GET
    @Path("wechat-subscriptions")
    @Operation(operationId = "getMyWeChatSubscriptions", summary = "The subscribe-message templates and my credits",
            description = "The template ids the mini-program passes to wx.requestSubscribeMessage, the kinds of "
                    + "notice each carries, and how many messages with it the caller may still be sent (one per "
                    + "acceptance). Empty when the service sends no WeChat messages.")
    @APIResponseSchema(value = NotificationViews.Subscriptions.class, responseCode = "200",
            responseDescription = "Templates and credits")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response subscriptions(
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return tagged(choices.subscriptions(me()), ifNoneMatch);
    }

    @POST
    @Path("wechat-subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMyWeChatSubscriptions", summary = "Record what I answered to a subscription "
            + "request", description = "The result object of wx.requestSubscribeMessage as the mini-program got "
                    + "it: each accept adds one credit for the template (up to 1000), ban drops its credits, reject "
                    + "and filter change nothing. A template the mini-program does not use: 422 "
                    + "WECHAT_TEMPLATE_UNKNOWN and nothing recorded.")
    @APIResponseSchema(value = NotificationViews.Subscriptions.class, responseCode = "200",
            responseDescription = "Templates and credits now")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public NotificationViews.Subscriptions answer(@NotNull @Valid NotificationViews.SubscriptionAnswers answers) {
        return choices.answer(me(), answers);
    }

    /** A computed read, tagged by its content (304 when If-None-Match names it). */
    private Response tagged(Object view, String ifNoneMatch) {
        try {
            return EntityTags.read(view, EntityTags.ofContent(json.writeValueAsBytes(view)), ifNoneMatch).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID me() {
        return access.personId().orElseThrow(() -> new ProblemException(NotifyProblem.NOTIFICATION_NOT_A_PERSON));
    }
}
