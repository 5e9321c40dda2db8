package cn.zhibu.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import cn.zhibu.client.ApiClient;
import cn.zhibu.client.ApiException;
import cn.zhibu.client.api.IdentityApi;
import cn.zhibu.client.model.DemoSignIn;
import cn.zhibu.client.model.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.util.List;
import java.util.Map;

/**
 * The Java client generated from the committed contract (target/generated-clients/java), set up as an integrator
 * would: the running test service's base URL, a bearer token added to every request, problem details read with the
 * client's own object mapper into its {@link Problem} model.
 */
final class GeneratedJavaClient {

    private GeneratedJavaClient() {
    }

    /** A client of the running test service, anonymous. */
    static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(TestHTTPResourceManager.getUri());
        return client;
    }

    /** A client that sends this access token on every request. */
    static ApiClient bearer(String accessToken) {
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
    }

    /** Signs in through {@code POST /v1/sessions/demo} (the service runs with its demo data) and returns a client. */
    static ApiClient demoPerson(String externalId) throws ApiException {
        String token = new IdentityApi(anonymous()).signInAsDemoPerson(new DemoSignIn().externalId(externalId))
                .getAccessToken();
        assertNotNull(token, "an access token for " + externalId);
        return bearer(token);
    }

    /** The problem details of a refused call, read into the generated model; fails unless it is this status. */
    static Problem problem(ApiClient client, ApiException refused, int status) {
        assertEquals(status, refused.getCode(), () -> "status of " + refused.getResponseBody());
        String contentType = refused.getResponseHeaders().firstValue("Content-Type").orElse("");
        assertEquals("application/problem+json", contentType.split(";")[0].trim(), "problem details");
        try {
            Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
            assertEquals(status, problem.getStatus());
            return problem;
        } catch (JsonProcessingException e) {
            return fail("not a Problem: " + refused.getResponseBody(), e);
        }
    }

    /** A response header, whatever the case of its name. */
    static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    /** Runs a call that must be refused and returns its exception. */
    static ApiException refused(Call call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        return fail("the call was not refused");
    }

    @FunctionalInterface
    interface Call {
        void run() throws ApiException;
    }
}
