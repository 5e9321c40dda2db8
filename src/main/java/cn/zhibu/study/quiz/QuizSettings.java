package cn.zhibu.study.quiz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Quizzes ({@code zhibu.quizzes.*}). */
@ConfigMapping(prefix = "zhibu.quizzes")
public interface QuizSettings {

    /** How long after its time limit an answer is still taken (the network's delay). */
    @WithDefault("PT10S")
    @DurationMin(message = "must not be negative")
    Duration grace();
}
