package cn.zhibu.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The keys of encrypted personal fields ({@code zhibu.crypto.*}), checked by {@link FieldCipher} at start. */
@ConfigMapping(prefix = "zhibu.crypto")
public interface CryptoSettings {

    /** One key (base64, 32 bytes). */
    Optional<String> fieldKey();

    /** Several keys, each id:base64. */
    Optional<List<String>> fieldKeys();

    /** The id of the key new values are encrypted with. */
    Optional<String> fieldKeyId();

    /**
     * How often fields are re-encrypted with the current key: a duration or {@code off}; read by the scheduler
     * from the expression
     * {@code {zhibu.crypto.field-rotation-every}}, mapped here so the prefix is mapped in full.
     */
    Optional<String> fieldRotationEvery();
}
