package cn.zhibu.integrity.crypto;

import cn.zhibu.integrity.IntegritySettings;
import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.db.EmbeddedDatabaseSettings;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The AES-256 keys that seal integrity files, each with an id stored beside every value it sealed.
 * {@code zhibu.integrity.keys} lists them ({@code id:base64,id:base64}; in production from a Secret);
 * {@code zhibu.integrity.key-id} names the one new values are sealed with (default: the last listed).
 * Rotation: add a key, make it current, run the re-encryption, then drop the old key.
 * <p>
 * On the embedded default with no keys set, a key is generated once into a file beside (not inside) the
 * database's data directory, so a copy of the database alone reveals nothing. With a configured database
 * and no keys, the service refuses to start.
 */
@ApplicationScoped
@Startup
public class IntegrityKeys {

    private static final Logger LOG = Logger.getLogger(IntegrityKeys.class);

    private final Map<String, SecretKeySpec> keys;
    private final String current;

    @jakarta.inject.Inject
    IntegrityKeys(IntegritySettings settings, EmbeddedDatabaseSettings embedded,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        Optional<List<String>> configured = settings.keys();
        Optional<String> currentId = settings.keyId();
        String embeddedDir = embedded.dir();
        List<String> listed = configured.filter(list -> !list.isEmpty())
                .orElseGet(() -> embeddedDefault(jdbcUrl, Path.of(embeddedDir)));
        this.keys = parse(listed);
        this.current = currentId.filter(id -> !id.isBlank()).orElseGet(() -> List.copyOf(keys.keySet())
                .get(keys.size() - 1));
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("zhibu.integrity.key-id names " + current
                    + ", which is not among zhibu.integrity.keys");
        }
    }

    /** For tests and tools: a keyring of these keys, sealing with {@code current}. */
    public IntegrityKeys(Map<String, byte[]> keys, String current) {
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> specs.put(id, new SecretKeySpec(bytes, "AES")));
        this.keys = Map.copyOf(specs);
        this.current = current;
        if (!this.keys.containsKey(current)) {
            throw new IllegalArgumentException("The current key " + current + " is not among the keys");
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentId() {
        return current;
    }

    SecretKeySpec current() {
        return keys.get(current);
    }

    /** The ids of the configured keys, the current one among them. */
    public java.util.Set<String> ids() {
        return java.util.Set.copyOf(keys.keySet());
    }

    /** The key of this id, or empty when it is no longer configured. */
    Optional<SecretKeySpec> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    private static Map<String, SecretKeySpec> parse(List<String> listed) {
        return cn.zhibu.platform.crypto.Keyring.parse("zhibu.integrity.keys", listed);
    }

    private static List<String> embeddedDefault(Optional<String> jdbcUrl, Path embeddedDir) {
        if (jdbcUrl.isEmpty() || !DefaultDatabase.isEmbedded(jdbcUrl.get())) {
            throw new IllegalStateException("zhibu.integrity.keys is not set: integrity files need a key kept apart "
                    + "from the database (id:base64 of 32 random bytes, e.g. from a Secret)");
        }
        Path file = embeddedDir.toAbsolutePath().getParent().resolve("integrity.keys");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                String line = "local-1:" + Base64.getEncoder().encodeToString(key) + "\n";
                Path temporary = Files.createTempFile(file.getParent(), "integrity", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection applies
                }
                Files.writeString(temporary, line, StandardCharsets.UTF_8);
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.warnf("Generated the key of integrity files in %s: back it up apart from the database; without "
                        + "it the files cannot be read", file);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the integrity key in " + file, e);
        }
    }
}
