package cn.zhibu.platform.openapi;

/** Patterns for contract fields whose format the scanner moves away (nullable dates and ids). */
public final class Patterns {

    public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** An RFC 3339 instant, as Jackson writes them (UTC, Z) or as clients send them (with an offset). */
    public static final String INSTANT =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$";
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** Text without leading or trailing white space (the ideographic space U+3000 included), not blank. */
    public static final String TEXT = "^[^\\s\\u3000](.*[^\\s\\u3000])?$";
    /** Any text but control characters other than line breaks. */
    public static final String LONG_TEXT = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    private Patterns() {
    }
}
