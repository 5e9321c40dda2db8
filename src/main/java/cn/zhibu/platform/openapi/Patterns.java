package cn.zhibu.platform.openapi;

/** Patterns of the contract and the service alike: text, and fields whose format the scanner moves away. */
public final class Patterns {

    public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** An RFC 3339 instant, as Jackson writes them (UTC, Z) or as clients send them (with an offset). */
    public static final String INSTANT =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$";
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /**
     * One line of text: not blank, without leading or trailing white space (the ideographic space U+3000 included),
     * without control characters (NUL, tabs and line breaks among them).
     */
    public static final String TEXT =
            "^[^\\s\\u3000\\x00-\\x1F\\x7F]([^\\x00-\\x1F\\x7F]*[^\\s\\u3000\\x00-\\x1F\\x7F])?$";
    /** Any text but control characters other than line breaks (NUL and tabs among them). */
    public static final String LONG_TEXT = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    private Patterns() {
    }
}
