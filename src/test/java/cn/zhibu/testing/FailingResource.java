package cn.zhibu.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only: a resource that fails, to show what an unexpected failure looks like to a client. */
@Path("/v1/test-only/failure")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("secret internal detail: SELECT * FROM person");
    }
}
