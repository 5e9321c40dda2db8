package cn.zhibu.integrity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Integrity files ({@code zhibu.integrity.*}): their keys, checkpoints, audit and annual report. The keys are
 * checked at start by the beans that use them; {@code audit-purge-every} (a duration or {@code off}) is read by
 * the scheduler of the audit purge.
 */
@ConfigMapping(prefix = "zhibu.integrity")
public interface IntegritySettings {

    /** The keys of integrity files, each id:base64. */
    Optional<List<String>> keys();

    /** The id of the key new entries are sealed with. */
    Optional<String> keyId();

    /** Where checkpoints are written (a directory apart from the database). */
    Optional<String> checkpointDir();

    /** The Ed25519 private key that signs checkpoints (base64 PKCS#8). */
    Optional<String> checkpointKey();

    Optional<String> checkpointKeyId();

    /** Public keys of earlier checkpoint keys, each id:base64 (SPKI). */
    Optional<List<String>> checkpointPreviousKeys();

    /** How long access audit rows are kept: at least 180 days. */
    @WithDefault("P400D")
    @DurationMin(days = 180, message = "must be at least P180D: access audit rows of integrity files are kept at least 180 days")
    Duration auditRetention();

    /** The day of the year (MM-dd) by which last year's annual report is due. */
    @WithDefault("03-31")
    @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "must be a day of the year as MM-dd")
    String annualReportDue();

    /**
     * How often old access audit rows are purged: a duration or {@code off}; read by the scheduler from the
     * expression {@code {zhibu.integrity.audit-purge-every}}, mapped here so the prefix is mapped in full.
     */
    Optional<String> auditPurgeEvery();
}
