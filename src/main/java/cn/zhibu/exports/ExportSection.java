package cn.zhibu.exports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A part of the inspection ledger: one sheet of the workbook (and, for sessions, the minutes' attachments). */
@Schema(name = "ExportSection", description = "SESSIONS: organisational-life sessions with minutes and attendance; "
        + "LECTURES: micro lectures and the rotation; CHECK_INS_AND_POINTS: check-ins and the points ledger; "
        + "QUIZZES: quiz attempts; EVALUATIONS_AND_HONOURS: campaign results as published, and honours; "
        + "INTEGRITY_COUNTS: integrity figures in counts, never whose (needs INTEGRITY_STATS_READ)")
public enum ExportSection {
    SESSIONS("组织生活"),
    LECTURES("微型党课"),
    CHECK_INS_AND_POINTS("学习打卡与积分"),
    QUIZZES("一学一测"),
    EVALUATIONS_AND_HONOURS("评选与荣誉"),
    INTEGRITY_COUNTS("廉政统计");

    private final String sheet;

    ExportSection(String sheet) {
        this.sheet = sheet;
    }

    /** The sheet's name in the workbook. */
    public String sheet() {
        return sheet;
    }
}
