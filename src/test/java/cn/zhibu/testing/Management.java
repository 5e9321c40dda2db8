package cn.zhibu.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * Requests to the management interface of the service under test (health, metrics): a port of its own, not the
 * API's (9000 in production, a free one in tests, see quarkus.management.test-port).
 */
public final class Management {

    private Management() {
    }

    /** A request to the management interface; paths as in production ({@code /q/health/ready}). */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(base()).port(port());
    }

    public static int port() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }

    private static String base() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return uri.getScheme() + "://" + uri.getHost();
    }
}
