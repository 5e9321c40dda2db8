package cn.zhibu.lecture.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.PartyDayKind;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The organisational life settings: the 支部工作条例's defaults, their keys, and values refused at start. */
class OrgLifeSettingsTest {

    private static final BeanValidationConfigValidator VALIDATOR = () -> Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static OrgLifeSettings start(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(values, "test", 500)).withValidator(VALIDATOR)
                .withMapping(OrgLifeSettings.class).build();
        return config.getConfigMapping(OrgLifeSettings.class);
    }

    @Test
    void theDefaultsAreThoseOfTheBranchWorkRegulations() {
        OrgLifeSettings settings = start(Map.of());
        assertEquals(0, new BigDecimal("32").compareTo(settings.yearlyStudyHours()));
        assertTrue(settings.studyHours().isEmpty());
        assertEquals(Frequency.QUARTERLY, settings.frequency().of(PartyDayKind.MEMBER_ASSEMBLY));
        assertEquals(Frequency.MONTHLY, settings.frequency().of(PartyDayKind.BRANCH_COMMITTEE));
        assertEquals(Frequency.MONTHLY, settings.frequency().of(PartyDayKind.PARTY_GROUP_MEETING));
        assertEquals(Frequency.QUARTERLY, settings.frequency().of(PartyDayKind.PARTY_LECTURE));
        assertEquals(Frequency.MONTHLY, settings.frequency().of(PartyDayKind.THEMED_PARTY_DAY));
        assertEquals(Frequency.YEARLY, settings.frequency().of(PartyDayKind.ORG_LIFE_MEETING));
        assertEquals(Frequency.NONE, settings.frequency().of(PartyDayKind.INTEGRITY_EDUCATION));
        assertEquals(Frequency.NONE, settings.frequency().of(PartyDayKind.STUDY_SESSION));
        assertEquals(Frequency.NONE, settings.frequency().of(PartyDayKind.FIELD_TEACHING));
    }

    @Test
    void theKeysStayTheSame() {
        OrgLifeSettings settings = start(Map.of("zhibu.org-life.yearly-study-hours", "40",
                "zhibu.org-life.study-hours.PARTY_LECTURE", "2.5", "zhibu.org-life.frequency.study-session",
                "HALF_YEARLY"));
        assertEquals(0, new BigDecimal("40").compareTo(settings.yearlyStudyHours()));
        assertEquals(Map.of(PartyDayKind.PARTY_LECTURE, new BigDecimal("2.5")), settings.studyHours());
        assertEquals(Frequency.HALF_YEARLY, settings.frequency().of(PartyDayKind.STUDY_SESSION));
    }

    @Test
    void absurdHoursStopTheStart() {
        ConfigValidationException failed = assertThrows(ConfigValidationException.class,
                () -> start(Map.of("zhibu.org-life.study-hours.PARTY_LECTURE", "13",
                        "zhibu.org-life.yearly-study-hours", "-1")));
        assertEquals(2, failed.getProblemCount(), failed.getMessage());
    }
}
