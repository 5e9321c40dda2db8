package cn.zhibu.identity.signin;

import cn.zhibu.platform.demo.DemoMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The demo stays on one machine: with {@code zhibu.demo=true} and no {@code quarkus.http.host} set anywhere, the
 * service listens on loopback only (a setting below every other, so an explicit host always wins; then the demo
 * sign-in stays off, see {@link DemoSignIn}).
 */
public class DemoHost implements ConfigSourceFactory {

    static final String HOST = "quarkus.http.host";
    static final String LOOPBACK = "127.0.0.1";
    /** Below every source of settings that someone writes (the framework's defaults are lower still). */
    static final int ORDINAL = 1;
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue demo = context.getValue(DemoMode.KEY);
        ConfigValue host = context.getValue(HOST);
        boolean on = demo != null && demo.getValue() != null && Boolean.parseBoolean(demo.getValue().trim());
        // set explicitly: anywhere above the framework's own default (whose source has the lowest ordinal)
        boolean explicit = host != null && host.getValue() != null && host.getConfigSourceOrdinal() > ORDINAL;
        if (!on || explicit) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(HOST, LOOPBACK), "zhibu demo: loopback only", ORDINAL));
    }

    /** Whether the service listens on this machine only. */
    static boolean loopback(String host) {
        return host != null && LOOPBACK_NAMES.contains(host.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
