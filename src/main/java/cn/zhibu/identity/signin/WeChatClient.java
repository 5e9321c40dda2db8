package cn.zhibu.identity.signin;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * WeChat's server API as a REST client (built by {@link WeChat} from the {@code zhibu.wechat.*} settings). The
 * answer is taken as bytes: WeChat often labels its JSON text/plain, and {@link WeChat} reads only the fields it keeps.
 */
@RegisterRestClient(configKey = "wechat")
interface WeChatClient {

    @GET
    @Path("/sns/jscode2session")
    Uni<RestResponse<byte[]>> jscode2session(@QueryParam("appid") String appId, @QueryParam("secret") String secret,
            @QueryParam("js_code") String code, @QueryParam("grant_type") String grantType);
}
