package cn.zhibu.study.quiz;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A capability that governs when some quizzes are answered (a contest: during its session). For a quiz it governs,
 * its window replaces the quiz's own: the quiz is seen from the window's start and attempts start inside it only.
 */
public interface QuizGate {

    /** The window of the quiz when this gate governs it; empty when it does not. */
    Optional<Window> windowOf(UUID quizId);

    /** From {@code from} (inclusive) until {@code until} (exclusive); {@code closed}: not open at all (cancelled). */
    record Window(Instant from, Instant until, boolean closed) {

        public boolean openAt(Instant at) {
            return !closed && !from.isAfter(at) && until.isAfter(at);
        }
    }
}
