package cn.zhibu.lecture.orglife;

/** A rectification item is OPEN until it is DONE, with evidence. */
public enum RectificationState {
    OPEN, DONE
}
