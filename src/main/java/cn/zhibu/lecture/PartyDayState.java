package cn.zhibu.lecture;

/**
 * Where a party day stands. PLANNED sessions in the future are what the rotation may still change;
 * CONFIRMED, HELD and CANCELLED ones it never touches.
 */
public enum PartyDayState {
    PLANNED,
    CONFIRMED,
    HELD,
    CANCELLED
}
