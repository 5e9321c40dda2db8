package cn.zhibu.annual.campaign.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * What the closed campaigns of a year decided for a person, for the member file (一人一档): the grade of the member
 * appraisal (民主评议党员) and whether a star selection (组工之星) chose them. Only closed campaigns count: a decision
 * still open to change, or never published, is nobody's record.
 */
@ApplicationScoped
public class DecisionRecords {

    private final EntityManager em;

    DecisionRecords(EntityManager em) {
        this.em = em;
    }

    /** The decided grade of a closed member appraisal of that year (the latest closed); null if none. */
    public String appraisalGradeOf(UUID personId, int year) {
        @SuppressWarnings("unchecked")
        List<String> grades = em.createNativeQuery("select d.outcome from campaign_decision d "
                + "join campaign c on c.id = d.campaign_id where d.person_id = :person and c.year = :year "
                + "and c.type = 'MEMBER_APPRAISAL' and c.state = 'CLOSED' order by c.closed_at desc, c.id limit 1")
                .setParameter("person", personId).setParameter("year", year).getResultList();
        return grades.isEmpty() ? null : grades.get(0);
    }

    /** Whether a closed star selection of that year selected the person. */
    public boolean starOf(UUID personId, int year) {
        return !em.createNativeQuery("select 1 from campaign_decision d join campaign c on c.id = d.campaign_id "
                + "where d.person_id = :person and c.year = :year and c.type = 'STAR_SELECTION' "
                + "and c.state = 'CLOSED' and d.outcome = :selected limit 1").setParameter("person", personId)
                .setParameter("year", year).setParameter("selected", Quotas.SELECTED).getResultList().isEmpty();
    }
}
