package cn.zhibu.platform.openapi;

/** Patterns for contract fields whose format the scanner moves away (nullable dates and ids). */
public final class Patterns {

    public static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private Patterns() {
    }
}
