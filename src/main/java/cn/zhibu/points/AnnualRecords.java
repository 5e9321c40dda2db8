package cn.zhibu.points;

import java.util.List;
import java.util.UUID;

/**
 * What a person's year came to in the branch's annual cycle, for the member file (一人一档): the grade of the
 * member appraisal (民主评议党员), whether they were a star (组工之星), their pledge review (践诺) and honours.
 * Points does not know the annual cycle: the annual capability, which keeps it, implements this; without it, the
 * member file has none of these.
 */
public interface AnnualRecords {

    /**
     * @param appraisalGrade the branch's decided grade of the year's member appraisal, once published; null if none
     * @param star whether a closed star selection of the year chose the person
     * @param pledgeReviewed whether the person's pledge of the year has its year-end review
     * @param pledgeComment the secretary's comment of that review; null if none
     * @param honours the titles the person won in the year
     */
    record Year(String appraisalGrade, boolean star, boolean pledgeReviewed, String pledgeComment,
            List<Honour> honours) {

        public Year {
            honours = List.copyOf(honours);
        }
    }

    /** A title won: its name, level (国家 … 支部) and awarding body. */
    record Honour(String title, String level, String awardedBy) {
    }

    Year of(UUID personId, int year);
}
