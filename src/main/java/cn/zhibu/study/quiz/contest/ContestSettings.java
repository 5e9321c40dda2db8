package cn.zhibu.study.quiz.contest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** Contests at sessions ({@code zhibu.contests.*}). */
@ConfigMapping(prefix = "zhibu.contests")
public interface ContestSettings {

    /** How long before a session's start a contest opens, and after its end it still takes new attempts. */
    @WithDefault("PT10M")
    @DurationMin(message = "must not be negative")
    @DurationMax(hours = 2)
    Duration margin();

    /** The session kinds a contest may be held at. */
    @WithDefault("THEMED_PARTY_DAY,PARTY_LECTURE,STUDY_SESSION,INTEGRITY_EDUCATION,FIELD_TEACHING")
    @NotEmpty
    Set<String> kinds();
}
