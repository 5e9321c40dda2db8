package cn.zhibu.lecture;

/** How a session is held. */
public enum SessionFormat {
    /** In one room (线下). */
    IN_PERSON,
    /** Online only (线上). */
    ONLINE,
    /** In a room and online at once. */
    HYBRID
}
