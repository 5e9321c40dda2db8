package cn.zhibu.lecture.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where one period of a required frequency stands. */
@Schema(name = "CompliancePeriodState", description = "HELD, MISSED (over, none held), DUE (current, none "
        + "held yet) or UPCOMING")
public enum PeriodState {
    /** A session of the kind was held in it (HELD, or started and not cancelled). */
    HELD,
    /** It is over and none was held. */
    MISSED,
    /** It is the current period and none has been held yet (one may be planned). */
    DUE,
    /** It lies ahead (one may be planned). */
    UPCOMING
}
