package cn.zhibu.platform.db;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at the embedded database, when one runs, with the lowest precedence of
 * all settings: a JDBC URL configured anywhere else always wins over it.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSource {

    private static volatile Map<String, String> values = Map.of();

    static void use(EmbeddedDatabase database) {
        values = database.datasourceSettings();
    }

    static void clear() {
        values = Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "embedded PostgreSQL";
    }

    @Override
    public int getOrdinal() {
        return 10;
    }
}
