package cn.zhibu.platform.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The embedded database of this machine ({@code zhibu.embedded-db.*}). */
@ConfigMapping(prefix = "zhibu.embedded-db")
public interface EmbeddedDatabaseSettings {

    /** Where the embedded database keeps its files (and integrity keys and checkpoints their defaults). */
    @WithDefault(DefaultDatabase.DEFAULT_DIR)
    String dir();

    /** How long the embedded database may take to start; read by {@link DefaultDatabase} before the beans exist. */
    Optional<String> startupWait();
}
