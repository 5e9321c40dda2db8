package cn.zhibu.platform.http;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses query parameters taken as text, so a bad value is a 400 that names the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "YYYY-MM-DD");
        }
    }
}
