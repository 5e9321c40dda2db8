package cn.zhibu.notify.wechat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A notice's fields as the values of a subscribe-message template: each data key ({@code thing1}) takes the field it
 * is mapped to, cut or formatted by the key's type (its name without the digits) to what WeChat accepts. Lengths are
 * counted in code points (a Chinese character is one), and a cut value ends with an ellipsis.
 */
final class MessageFields {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String ELLIPSIS = "…";
    /** What a key shows when the notice has no value for it (WeChat refuses empty values). */
    private static final String NONE = "-";

    /** The longest value of each type of key; types not listed are cut to a thing's length. */
    private static final Map<String, Integer> LIMITS = Map.ofEntries(Map.entry("thing", 20),
            Map.entry("short_thing", 5), Map.entry("phrase", 5), Map.entry("symbol", 5), Map.entry("name", 10),
            Map.entry("character_string", 32), Map.entry("number", 32), Map.entry("letter", 32),
            Map.entry("phone_number", 17), Map.entry("car_number", 8), Map.entry("amount", 32));

    private MessageFields() {
    }

    /** The template's {@code data}: {@code {key: {value}}}, keys in order. */
    static Map<String, Object> data(Map<String, String> mapping, Map<String, String> fields, ZoneId zone) {
        Map<String, Object> data = new LinkedHashMap<>();
        new TreeMap<>(mapping).forEach((key, field) -> data.put(key, Map.of("value",
                value(key, fields.get(field), zone))));
        return data;
    }

    /** One key's value. */
    static String value(String key, String raw, ZoneId zone) {
        String type = key.replaceAll("[0-9]", "");
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String text = raw.strip();
        if (type.equals("time") || type.equals("date")) {
            String formatted = moment(text, type.equals("time"), zone);
            return formatted != null ? formatted : cut(text, 20);
        }
        return cut(text, LIMITS.getOrDefault(type, 20));
    }

    private static String moment(String text, boolean time, ZoneId zone) {
        try {
            Instant instant = Instant.parse(text);
            return (time ? TIME : DATE).format(instant.atZone(zone));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(text);
                return time ? TIME.format(date.atStartOfDay(zone)) : DATE.format(date);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** At most {@code max} code points; a longer text keeps {@code max - 1} and ends with an ellipsis. */
    static String cut(String text, int max) {
        int length = text.codePointCount(0, text.length());
        if (length <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }
}
