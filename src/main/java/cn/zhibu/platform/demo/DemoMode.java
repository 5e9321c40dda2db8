package cn.zhibu.platform.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the service runs with its demo data ({@code zhibu.demo=true}): the one place that reads the setting.
 * The demo data itself is loaded by {@code cn.zhibu.demo.DemoLoader}.
 */
@ApplicationScoped
public class DemoMode {

    /** The setting; read before the beans exist only by the config source that keeps a demo on loopback. */
    public static final String KEY = "zhibu.demo";

    private final boolean on;

    DemoMode(@ConfigProperty(name = KEY, defaultValue = "false") boolean on) {
        this.on = on;
    }

    /** Whether demo data is loaded at start. */
    public boolean on() {
        return on;
    }
}
