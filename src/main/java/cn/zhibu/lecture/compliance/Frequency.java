package cn.zhibu.lecture.compliance;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often a branch holds a kind of session (the 支部工作条例's 每月, 每季度, ...): the periods of a year it is due in. */
@Schema(name = "OrgLifeFrequency", description = "How often a kind of session is held: NONE (no requirement), "
        + "MONTHLY, QUARTERLY, HALF_YEARLY or YEARLY")
public enum Frequency {
    /** No requirement. */
    NONE(0),
    /** Once in every month. */
    MONTHLY(12),
    /** Once in every quarter. */
    QUARTERLY(4),
    /** Once in every half year. */
    HALF_YEARLY(2),
    /** Once a year. */
    YEARLY(1);

    private final int periods;

    Frequency(int periods) {
        this.periods = periods;
    }

    /** How many periods a year has at this frequency: the sessions required in a year. */
    public int periods() {
        return periods;
    }

    /** The number (0-based) of the period of its year that a date falls in; -1 for NONE. */
    public int periodOf(LocalDate date) {
        return periods == 0 ? -1 : (date.getMonthValue() - 1) / (12 / periods);
    }

    /** The first day of a period (0-based) of a year. */
    public LocalDate start(int year, int period) {
        return LocalDate.of(year, 1 + period * (12 / periods), 1);
    }

    /** The last day of a period (0-based) of a year. */
    public LocalDate end(int year, int period) {
        return start(year, period).plusMonths(12 / periods).minusDays(1);
    }
}
