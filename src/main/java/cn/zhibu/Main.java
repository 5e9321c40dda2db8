package cn.zhibu;

import cn.zhibu.platform.db.DefaultDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts zhibu: on the configured PostgreSQL, or on the embedded one when none is configured. */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        DefaultDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
