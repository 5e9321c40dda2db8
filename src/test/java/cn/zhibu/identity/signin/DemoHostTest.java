package cn.zhibu.identity.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** The demo listens on loopback unless a host is set explicitly. */
class DemoHostTest {

    private static ConfigSourceContext context(Map<String, ConfigValue> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return values.get(name);
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    private static ConfigValue value(String name, String value, int ordinal) {
        return ConfigValue.builder().withName(name).withValue(value).withConfigSourceOrdinal(ordinal).build();
    }

    private static List<ConfigSource> sources(Map<String, ConfigValue> values) {
        return StreamSupport.stream(new DemoHost().getConfigSources(context(values)).spliterator(), false).toList();
    }

    @Test
    void theDemoListensOnLoopbackUnlessAHostIsSetExplicitly() {
        List<ConfigSource> demo = sources(Map.of("zhibu.demo", value("zhibu.demo", "true", 400)));
        assertEquals(1, demo.size());
        assertEquals("127.0.0.1", demo.get(0).getValue("quarkus.http.host"));
        // the framework's own default (lowest ordinal) is not an explicit choice
        assertEquals(1, sources(Map.of("zhibu.demo", value("zhibu.demo", "true", 400), "quarkus.http.host",
                value("quarkus.http.host", "0.0.0.0", Integer.MIN_VALUE))).size());
        // an explicit host wins; then the demo sign-in stays off
        assertEquals(List.of(), sources(Map.of("zhibu.demo", value("zhibu.demo", "true", 400), "quarkus.http.host",
                value("quarkus.http.host", "0.0.0.0", 300))));
        assertEquals(List.of(), sources(Map.of()));
        assertEquals(List.of(), sources(Map.of("zhibu.demo", value("zhibu.demo", "false", 400))));
        assertTrue(DemoHost.loopback("localhost"));
        assertTrue(DemoHost.loopback("127.0.0.1"));
        assertTrue(DemoHost.loopback("::1"));
        assertFalse(DemoHost.loopback("0.0.0.0"));
        assertFalse(DemoHost.loopback("192.168.1.10"));
        assertFalse(DemoHost.loopback(null));
    }
}
