package cn.zhibu.annual.honour;

import cn.zhibu.points.AnnualRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** A person's honours of a year, for the member file (一人一档). */
@ApplicationScoped
public class HonourRecords {

    private final EntityManager em;

    HonourRecords(EntityManager em) {
        this.em = em;
    }

    /** The titles the person won in the year, highest level first: title, the level's Chinese label, awarding body. */
    @Transactional
    public List<AnnualRecords.Honour> ofPerson(UUID personId, int year) {
        return em.createQuery("from Honour h where h.personId = :person and h.year = :year order by h.level, h.title, "
                + "h.id", Honour.class).setParameter("person", personId).setParameter("year", year).getResultList()
                .stream().map(h -> new AnnualRecords.Honour(h.title, h.level.label(), h.awardedBy)).toList();
    }
}
