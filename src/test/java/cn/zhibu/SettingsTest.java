package cn.zhibu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.campaign.decision.AppraisalSettings;
import cn.zhibu.annual.campaign.decision.StarSelectionSettings;
import cn.zhibu.identity.AdminSettings;
import cn.zhibu.identity.signin.SignInSettings;
import cn.zhibu.identity.signin.WeChatSettings;
import cn.zhibu.identity.tokens.TokenSettings;
import cn.zhibu.integrity.IntegritySettings;
import cn.zhibu.leaderboard.LeaderboardConfig;
import cn.zhibu.lecture.PartyDaySettings;
import cn.zhibu.lecture.compliance.OrgLifeSettings;
import cn.zhibu.lecture.minutes.MinutesSettings;
import cn.zhibu.platform.crypto.CryptoSettings;
import cn.zhibu.platform.db.DatabaseSettings;
import cn.zhibu.platform.db.EmbeddedDatabaseSettings;
import cn.zhibu.platform.http.HttpSettings;
import cn.zhibu.platform.http.ImportSettings;
import cn.zhibu.platform.http.RateLimitSettings;
import cn.zhibu.platform.idempotency.IdempotencySettings;
import cn.zhibu.points.PointsSettings;
import cn.zhibu.study.checkin.CheckInSettings;
import cn.zhibu.study.quiz.QuizSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The settings as the service reads them at start: each prefix mapped once, with its defaults, and checked by
 * Bean Validation, so a wrong value stops the start with a line that names the key (the service's start runs
 * the same check through Hibernate Validator).
 */
class SettingsTest {

    private static final List<Class<?>> MAPPINGS = List.of(AdminSettings.class, SignInSettings.class,
            WeChatSettings.class, TokenSettings.class, IntegritySettings.class, LeaderboardConfig.class,
            PartyDaySettings.class, CryptoSettings.class, DatabaseSettings.class, EmbeddedDatabaseSettings.class,
            HttpSettings.class, ImportSettings.class, RateLimitSettings.class, IdempotencySettings.class, PointsSettings.class,
            CheckInSettings.class, QuizSettings.class, MinutesSettings.class,
            OrgLifeSettings.class, StarSelectionSettings.class, AppraisalSettings.class,
            cn.zhibu.annual.campaign.CampaignSettings.class, cn.zhibu.privacy.retention.RetentionSettings.class,
            cn.zhibu.privacy.mydata.MyDataSettings.class, cn.zhibu.notify.NotifySettings.class,
            cn.zhibu.notify.wechat.DeliverySettings.class,
            cn.zhibu.exports.ExportSettings.class, cn.zhibu.stats.StatsSettings.class);

    private static final BeanValidationConfigValidator VALIDATOR = () -> Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** The settings that have no default but the one in application.properties. */
    private static final Map<String, String> APPLICATION_PROPERTIES = Map.of("zhibu.db.lock-timeout", "5s",
            "zhibu.db.statement-timeout", "30s", "zhibu.db.idle-in-transaction-timeout", "60s");

    private static SmallRyeConfig start(Map<String, String> values) {
        // with the converters the service has (durations such as 5m, sizes such as 16M)
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withSources(new PropertiesConfigSource(APPLICATION_PROPERTIES, "application.properties", 250))
                .withValidator(VALIDATOR);
        MAPPINGS.forEach(builder::withMapping);
        return builder.build();
    }

    @Test
    void theDefaultsAreValid() {
        SmallRyeConfig config = assertDoesNotThrow(() -> start(Map.of()));
        CheckInSettings checkIns = config.getConfigMapping(CheckInSettings.class);
        assertEquals(Duration.ofDays(7), checkIns.makeUpWindow());
        assertEquals(7, checkIns.makeUpDays());
        assertEquals(3, checkIns.makeUpsPerMonth());
        assertEquals(3, checkIns.burstCount());
        assertEquals(Duration.ofMinutes(1), checkIns.burstWindow());
        assertEquals(Duration.ofSeconds(5), config.getConfigMapping(IdempotencySettings.class).await());
        assertEquals(Duration.ofDays(400), config.getConfigMapping(IntegritySettings.class).auditRetention());
        assertEquals(16L * 1024 * 1024, config.getConfigMapping(ImportSettings.class).maxBytes().asLongValue());
    }

    @Test
    void theKeysStayTheSame() {
        SmallRyeConfig config = start(Map.of("zhibu.check-ins.make-up-window", "P3D",
                "zhibu.idempotency.wait", "PT3S", "zhibu.leaderboards.publish-wait", "PT3S",
                "zhibu.integrity.keys", "a:AAAA,b:BBBB", "zhibu.jwt.private-key.location", "/k.pem"));
        assertEquals(3, config.getConfigMapping(CheckInSettings.class).makeUpDays());
        assertEquals(Duration.ofSeconds(3), config.getConfigMapping(IdempotencySettings.class).await());
        assertEquals(Duration.ofSeconds(3), config.getConfigMapping(LeaderboardConfig.class).publishWait());
        assertEquals(List.of("a:AAAA", "b:BBBB"), config.getConfigMapping(IntegritySettings.class).keys().get());
        assertEquals("/k.pem", config.getConfigMapping(TokenSettings.class).privateKeyLocation().get());
    }

    @Test
    void aNegativeDurationStopsTheStart() {
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.check-ins.burst-window", "-PT1M")));
        assertEquals(1, failed.getProblemCount());
        assertTrue(failed.getProblem(0).getMessage().contains("zhibu.check-ins.burst-window must not be negative"),
                failed.getMessage());
    }

    @Test
    void aNumberOutOfRangeStopsTheStart() {
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.check-ins.burst-count", "0", "zhibu.check-ins.make-ups-per-month", "-1")));
        String problems = failed.getMessage();
        assertEquals(2, failed.getProblemCount(), problems);
        assertTrue(problems.contains("zhibu.check-ins.burst-count must be greater than or equal to 1"), problems);
        assertTrue(problems.contains("zhibu.check-ins.make-ups-per-month must be greater than or equal to 0"),
                problems);
    }

    @Test
    void databaseTimeLimitsAreInPostgresNotation() {
        assertDoesNotThrow(() -> start(Map.of("zhibu.db.lock-timeout", "250ms")));
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.db.statement-timeout", "PT30S")));
        assertTrue(failed.getMessage().contains("zhibu.db.statement-timeout must be a PostgreSQL time"),
                failed.getMessage());
    }

    @Test
    void anAccessTokenLivesOneMinuteToTwoHours() {
        assertDoesNotThrow(() -> start(Map.of("zhibu.jwt.access-ttl", "PT2H")));
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.jwt.access-ttl", "PT3H")));
        assertTrue(failed.getMessage().contains("zhibu.jwt.access-ttl must be between PT1M and PT2H"),
                failed.getMessage());
    }

    @Test
    void auditRowsAreKeptAtLeast180Days() {
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.integrity.audit-retention", "P179D")));
        assertTrue(failed.getMessage().contains("zhibu.integrity.audit-retention must be at least P180D"),
                failed.getMessage());
    }
}
