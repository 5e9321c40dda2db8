package cn.zhibu.platform.http;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.IsoWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Parses query parameters taken as text, so a bad value is a 400 that names the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!value.matches(Patterns.DATE)) {
                // LocalDate.parse reads years of up to nine digits, which no database column holds
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "YYYY-MM-DD");
        }
    }

    /** An ISO week such as {@code 2026-W48} (a path segment or a query parameter); a 400 naming it otherwise. */
    public static Optional<IsoWeek> isoWeek(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IsoWeek.parse(value));
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "2026-W48");
        }
    }

    /** A flag: absent, empty or {@code false} is false, {@code true} is true; anything else a 400. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "true, false");
    }

    /** A year of the branch's records (2000 to 2100), if given: 400 INVALID_PARAMETER otherwise. */
    public static Optional<Integer> year(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.matches("^[0-9]{4}$") && Integer.parseInt(value) >= 2000 && Integer.parseInt(value) <= 2100) {
            return Optional.of(Integer.parseInt(value));
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "2000-2100");
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public static Optional<UUID> uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "UUID");
        }
        return Optional.of(UUID.fromString(value));
    }
}
