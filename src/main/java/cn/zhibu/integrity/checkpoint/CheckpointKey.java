package cn.zhibu.integrity.checkpoint;

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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Ed25519 key that signs integrity checkpoints, kept apart from the database: whoever owns the database can
 * rewrite rows but cannot sign. {@code zhibu.integrity.checkpoint-key} is its private half (base64 PKCS#8, from a
 * Secret), {@code zhibu.integrity.checkpoint-key-id} its id; the public half is derived from it and published.
 * Keys signed with before a change of key stay verifiable when their public halves are listed in
 * {@code zhibu.integrity.checkpoint-previous-keys} ({@code id:base64 SPKI}, comma-separated).
 * <p>
 * On the embedded default with no key set, one is generated once into {@code integrity-checkpoint.key} beside (not
 * inside) the database's data directory; with a configured database and no key, the service refuses to start.
 */
@ApplicationScoped
@Startup
public class CheckpointKey {

    static final String ALGORITHM = "Ed25519";
    private static final Logger LOG = Logger.getLogger(CheckpointKey.class);
    private static final String ID = "^[A-Za-z0-9._-]{1,32}$";

    private final String id;
    private final PrivateKey privateKey;
    private final Map<String, PublicKey> published;

    @jakarta.inject.Inject
    CheckpointKey(IntegritySettings settings, EmbeddedDatabaseSettings embedded,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this(settings.checkpointKey(), settings.checkpointKeyId(), settings.checkpointPreviousKeys(), jdbcUrl,
                embedded.dir());
    }

    CheckpointKey(Optional<String> configured, Optional<String> configuredId, Optional<List<String>> previous,
            Optional<String> jdbcUrl, String embeddedDir) {
        this(configured.filter(key -> !key.isBlank()).map(key -> new String[] {configuredId.orElse("checkpoint-1"),
                key}).orElseGet(() -> embeddedDefault(jdbcUrl, Path.of(embeddedDir))), previous.orElse(List.of()));
    }

    private CheckpointKey(String[] idAndKey, List<String> previous) {
        this.id = idAndKey[0].trim();
        if (!id.matches(ID)) {
            throw new IllegalStateException("zhibu.integrity.checkpoint-key-id: letters, digits, '.', '_' or '-' "
                    + "(at most 32)");
        }
        this.privateKey = parsePrivate(idAndKey[1].trim());
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(id, publicOf(privateKey));
        for (String item : previous) {
            int colon = item.indexOf(':');
            String previousId = colon < 0 ? "" : item.substring(0, colon).trim();
            if (!previousId.matches(ID) || keys.containsKey(previousId)) {
                throw new IllegalStateException("zhibu.integrity.checkpoint-previous-keys: each is id:base64 (SPKI) "
                        + "with an id of its own");
            }
            keys.put(previousId, parsePublic(item.substring(colon + 1).trim()));
        }
        this.published = Map.copyOf(keys);
    }

    /** For tests and tools: this private key (base64 PKCS#8) under this id. */
    public static CheckpointKey of(String keyId, String pkcs8) {
        return new CheckpointKey(new String[] {keyId, pkcs8}, List.of());
    }

    /** The id of the key new checkpoints are signed with. */
    public String id() {
        return id;
    }

    /** The public halves by key id: the current key's and those of earlier keys still listed. */
    public Map<String, PublicKey> published() {
        return published;
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A checkpoint could not be signed", e);
        }
    }

    /** Whether the signature holds under the published key of that id (false for an unknown id). */
    public boolean verify(String keyId, byte[] message, byte[] signature) {
        PublicKey key = keyId == null ? null : published.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A new private key, base64 PKCS#8. */
    public static String generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + ALGORITHM, e);
        }
    }

    private static PrivateKey parsePrivate(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("zhibu.integrity.checkpoint-key must be an Ed25519 private key, base64 "
                    + "PKCS#8 (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)");
        }
    }

    private static PublicKey parsePublic(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("zhibu.integrity.checkpoint-previous-keys: each key is an Ed25519 public "
                    + "key, base64 SPKI");
        }
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no call for it, but its key pair generator derives the
     * public half from the 32 bytes of seed it draws: given the seed as its randomness, it makes this very pair.
     */
    static PublicKey publicOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalStateException(
                "zhibu.integrity.checkpoint-key holds no seed"));
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(255, fixed);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + ALGORITHM, e);
        }
    }

    private static String[] embeddedDefault(Optional<String> jdbcUrl, Path embeddedDir) {
        if (jdbcUrl.isEmpty() || !DefaultDatabase.isEmbedded(jdbcUrl.get())) {
            throw new IllegalStateException("zhibu.integrity.checkpoint-key is not set: integrity checkpoints need an "
                    + "Ed25519 key kept apart from the database (ZHIBU_INTEGRITY_CHECKPOINT_KEY, base64 PKCS#8: "
                    + "openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)");
        }
        return keptBeside(embeddedDir);
    }

    /** The id and key kept in {@code integrity-checkpoint.key} beside the embedded database, made the first time. */
    static String[] keptBeside(Path embeddedDir) {
        Path file = embeddedDir.toAbsolutePath().getParent().resolve("integrity-checkpoint.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), "checkpoint", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection applies
                }
                Files.writeString(temporary, "local-1:" + generate() + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.warnf("Generated the key that signs integrity checkpoints in %s: back it up apart from the "
                        + "database", file);
            }
            String line = Files.readString(file, StandardCharsets.UTF_8).trim();
            int colon = line.indexOf(':');
            return new String[] {line.substring(0, Math.max(colon, 0)), line.substring(colon + 1)};
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the integrity checkpoint key in " + file, e);
        }
    }
}
