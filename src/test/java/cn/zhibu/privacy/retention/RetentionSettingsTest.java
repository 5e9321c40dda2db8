package cn.zhibu.privacy.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The retention settings as the service reads them at start: defaults, and Bean Validation of every value. */
class RetentionSettingsTest {

    private static final BeanValidationConfigValidator VALIDATOR = () -> Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static RetentionSettings start(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withValidator(VALIDATOR)
                .withMapping(RetentionSettings.class).build();
        return config.getConfigMapping(RetentionSettings.class);
    }

    @Test
    void theDefaultsKeepOpeningsAndEvidenceAYearAndPeopleWhoLeftThreeYears() {
        RetentionSettings settings = start(Map.of());
        assertEquals(Duration.ofDays(365), settings.materialOpenings());
        assertEquals(Duration.ofDays(365), settings.checkInEvidence());
        assertEquals(Duration.ofDays(1095), settings.peopleWhoLeft());
        assertEquals(1000, settings.batchSize());
        assertEquals("0 30 3 * * ?", settings.purgeCron());
        assertEquals("P365D", RetentionPurge.written(settings.materialOpenings()));
        assertEquals("PT36H", RetentionPurge.written(Duration.ofHours(36)));
    }

    @Test
    void aRetentionTooShortOrABatchOutOfRangeStopsTheStart() {
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.retention.material-openings", "P1D", "zhibu.retention.check-in-evidence",
                        "P7D", "zhibu.retention.people-who-left", "-P1D", "zhibu.retention.batch-size", "0")));
        String problems = failed.getMessage();
        assertEquals(4, failed.getProblemCount(), problems);
        assertTrue(problems.contains("zhibu.retention.material-openings must be at least P2D"), problems);
        assertTrue(problems.contains("zhibu.retention.check-in-evidence must be at least P30D"), problems);
        assertTrue(problems.contains("zhibu.retention.people-who-left must be at least P30D"), problems);
        assertTrue(problems.contains("zhibu.retention.batch-size must be greater than or equal to 1"), problems);
    }
}
