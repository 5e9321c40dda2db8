package cn.zhibu.testing;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh keys for a service started as a process of its own on a configured database, which needs all of them. */
public final class ServiceKeys {

    private ServiceKeys() {
    }

    /** The environment variables of the keys, checkpoints written into {@code checkpoints} (shared by replicas). */
    public static Map<String, String> environment(Path checkpoints) {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        String checkpointKey;
        try {
            checkpointKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("ZHIBU_INTEGRITY_KEYS", "it-1:" + Base64.getEncoder().encodeToString(key),
                "ZHIBU_CRYPTO_FIELD_KEY", Base64.getEncoder().encodeToString(key),
                "ZHIBU_INTEGRITY_CHECKPOINT_KEY", checkpointKey,
                "ZHIBU_INTEGRITY_CHECKPOINT_DIR", checkpoints.toAbsolutePath().toString());
    }
}
