package cn.zhibu.platform.openapi;

/** Patterns for contract fields whose format the scanner moves away (nullable dates and ids). */
public final class Patterns {

    public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** An RFC 3339 instant, as Jackson writes them (UTC, Z) or as clients send them (with an offset). */
    public static final String INSTANT =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$";
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private Patterns() {
    }
}
