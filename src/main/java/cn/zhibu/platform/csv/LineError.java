package cn.zhibu.platform.csv;

import cn.zhibu.platform.problem.ProblemKind;
import cn.zhibu.platform.problem.ProblemMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A problem on one line of an imported file: the line (1 is the header), the column's English
 * name (none for the whole line), the problem's code and the arguments of its message.
 */
public record LineError(int line, String column, String code, List<String> args) {

    public static final int MAX_ARG_LENGTH = 64;

    public static LineError of(int line, CsvColumn column, ProblemKind kind, Object... args) {
        return new LineError(line, column == null ? null : column.english(), kind.name(),
                Arrays.stream(args).map(LineError::shortened).toList());
    }

    public static LineError of(int line, String column, ProblemKind kind, Object... args) {
        return new LineError(line, column == null ? null : shortened(column), kind.name(),
                Arrays.stream(args).map(LineError::shortened).toList());
    }

    /**
     * The message of a line problem of this kind with these arguments, in the locale; for
     * IMPORT_VALUE_INVALID (value, column) it tells what the column expects ({@code import.expected.<column>}).
     */
    public static String message(ProblemKind kind, List<String> args, Locale locale) {
        List<Object> values = new ArrayList<>(args);
        if (kind == CsvProblem.IMPORT_VALUE_INVALID && values.size() == 2) {
            values.set(1, ProblemMessages.text("import.expected." + values.get(1), locale));
        }
        return ProblemMessages.detail(kind, locale, values.toArray());
    }

    private static String shortened(Object arg) {
        String text = String.valueOf(arg).replaceAll("\\p{Cntrl}", " "); // a quoted cell may hold line breaks
        return text.length() <= MAX_ARG_LENGTH ? text : text.substring(0, MAX_ARG_LENGTH - 1) + "…";
    }
}
