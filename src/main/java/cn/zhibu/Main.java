package cn.zhibu;

import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.db.EmbeddedDatabase.EmbeddedDatabaseException;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts zhibu: on the configured PostgreSQL, or on the embedded one when none is configured. */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        // URIs are checked by the service itself (RequestHeads), which answers problem+json, reads raw UTF-8 in a query
        // as typed into curl, and refuses what java.net.URI cannot read: Quarkus's own check answers a bare 400
        System.setProperty("vertx.disableURIValidation", "true");
        try {
            DefaultDatabase.startUnlessConfigured();
        } catch (EmbeddedDatabaseException e) {
            // one line that says what to do; the embedded server's own log has the rest
            System.err.println("ERROR " + e.getMessage());
            System.exit(1);
        }
        // a start that fails after the embedded database started stops it (a stop by a signal stops it on
        // ShutdownEvent, after the requests in flight); the exit handler runs on both, so acts only on a failure
        ApplicationLifecycleManager.setDefaultExitCodeHandler((code, cause) -> {
            if (cause != null) {
                DefaultDatabase.stopAfterFailedStart();
            }
            System.exit(code);
        });
        Quarkus.run(args);
    }
}
