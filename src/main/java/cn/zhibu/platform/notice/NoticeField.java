package cn.zhibu.platform.notice;

/**
 * The names of a notice's fields. Values are strings; {@link #TIME} holds an instant (ISO 8601, e.g.
 * {@code 2026-12-08T06:30:00Z}) or a business date ({@code 2026-12-08}), which each channel formats its own way.
 * WeChat templates map their keys ({@code thing1}, {@code time2}, …) onto these names in the settings.
 */
public final class NoticeField {

    /** What it is about: a session's title, a lecture's topic, an item's text. */
    public static final String TITLE = "title";
    /** When: the session's start, the slot's date, the item's due date. */
    public static final String TIME = "time";
    /** Where. */
    public static final String PLACE = "place";
    /** Who else: the colleague who asked, the cadre who declared. */
    public static final String PERSON = "person";
    /** The outcome or state: 已通过, 已拒绝, 开始, 截止. */
    public static final String STATE = "state";
    /** How many (a digest's count of waiting items). */
    public static final String COUNT = "count";
    /** A short remark. */
    public static final String NOTE = "note";

    private NoticeField() {
    }
}
