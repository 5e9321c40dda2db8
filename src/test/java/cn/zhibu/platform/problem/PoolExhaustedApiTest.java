package cn.zhibu.platform.problem;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With every pooled connection taken, a request that needs the database waits the pool's acquisition
 * timeout and is answered 503 {@code SERVICE_BUSY} with Retry-After, not a 500; once connections are
 * back, the same request succeeds.
 */
@QuarkusTest
class PoolExhaustedApiTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void aRequestFindingNoFreeConnectionIsAnsweredBusy() throws SQLException {
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                taken.add(dataSource.getConnection());
            }
            // the meta answer reads the business calendar from the database
            problem(RestAssured.given().accept("application/json").get("/v1/meta").then(), 503, "SERVICE_BUSY")
                    .header("Retry-After", equalTo("1"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        RestAssured.given().accept("application/json").get("/v1/meta").then().statusCode(200);
    }
}
