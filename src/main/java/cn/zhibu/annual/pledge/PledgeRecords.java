package cn.zhibu.annual.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** A person's pledge review (践诺) of a year, for the member file (一人一档). */
@ApplicationScoped
public class PledgeRecords {

    /**
     * @param reviewed whether the secretary has commented on the person's self-assessment of a pledge of the year
     * @param comment that comment; null if none
     */
    public record Review(boolean reviewed, String comment) {
    }

    private final EntityManager em;

    PledgeRecords(EntityManager em) {
        this.em = em;
    }

    /** The review of the pledge of the year the person signed (the latest commented, if several). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Review reviewOf(UUID personId, int year) {
        List<String> comments = em.createNativeQuery("select r.comment from pledge_review r join pledge p on "
                + "p.id = r.pledge_id where r.person_id = :person and p.year = :year and r.comment is not null "
                + "order by r.commented_at desc limit 1").setParameter("person", personId).setParameter("year", year)
                .getResultList();
        return comments.isEmpty() ? new Review(false, null) : new Review(true, comments.get(0));
    }
}
