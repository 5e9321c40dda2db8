package cn.zhibu.platform.problem;

import java.util.Locale;

/**
 * A kind of problem: a stable UPPER_SNAKE {@code code} clients switch on, and its HTTP status.
 * The platform's own kinds are {@link ProblemCode}; each capability lists its own in an enum that
 * implements this. Titles and details, per code, are in {@code problems*.properties}.
 */
public interface ProblemKind {

    /** Base of the problem type URIs; a type URI identifies a kind of problem, it need not resolve. */
    String TYPE_BASE = "https://zhibu.cn/problems/";

    /** The stable code (the enum constant's name). */
    String name();

    int status();

    default String type() {
        return TYPE_BASE + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
