package cn.zhibu.lecture.compliance;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import java.time.LocalDate;

/** The {@code year} query parameter: four digits from 2000; this year when absent. */
final class OrgLifeYear {

    private OrgLifeYear() {
    }

    static int parse(String year, LocalDate today) {
        if (year == null || year.isEmpty()) {
            return today.getYear();
        }
        if (year.matches("^[0-9]{4}$") && Integer.parseInt(year) >= 2000) {
            return Integer.parseInt(year);
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "year", "2000-9999");
    }
}
