package cn.zhibu.notify.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * WeChat's server API for subscribe messages, as a REST client built by {@link WeChatMessages}. Bodies go as JSON
 * bytes and answers come back as bytes: WeChat often labels its JSON text/plain, and only the fields kept are read.
 * The calls block the calling thread (never a transaction's: {@link OutsideTransactions} refuses).
 */
interface WeChatMessageClient {

    @POST
    @Path("/cgi-bin/stable_token")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<byte[]> stableToken(byte[] body);

    @POST
    @Path("/cgi-bin/message/subscribe/send")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<byte[]> send(@QueryParam("access_token") String accessToken, byte[] body);
}
