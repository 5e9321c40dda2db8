package cn.zhibu.org.people.imports;

import cn.zhibu.platform.problem.ProblemKind;
import java.util.Arrays;
import java.util.List;

/**
 * A problem on one line of an imported file: the line (1 is the header), the column's English
 * name (none for the whole line), the problem's code and the arguments of its message.
 */
public record LineError(int line, String column, String code, List<String> args) {

    static final int MAX_ARG_LENGTH = 64;

    static LineError of(int line, ImportColumn column, ProblemKind kind, Object... args) {
        return new LineError(line, column == null ? null : column.english(), kind.name(),
                Arrays.stream(args).map(LineError::shortened).toList());
    }

    static LineError of(int line, String column, ProblemKind kind, Object... args) {
        return new LineError(line, column == null ? null : shortened(column), kind.name(),
                Arrays.stream(args).map(LineError::shortened).toList());
    }

    private static String shortened(Object arg) {
        String text = String.valueOf(arg).replaceAll("\\p{Cntrl}", " "); // a quoted cell may hold line breaks
        return text.length() <= MAX_ARG_LENGTH ? text : text.substring(0, MAX_ARG_LENGTH - 1) + "…";
    }
}
