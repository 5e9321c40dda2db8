package cn.zhibu.privacy.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** The first opening of a study material by a person on a day ({@code material_opening}): deleted when expired. */
@ApplicationScoped
class MaterialOpenings implements RetainedData {

    private final EntityManager em;
    private final Duration retention;

    MaterialOpenings(EntityManager em, RetentionSettings settings) {
        this.em = em;
        this.retention = settings.materialOpenings();
    }

    @Override
    public String name() {
        return "MATERIAL_OPENINGS";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public Instant cutoff(Instant now) {
        return now.minus(retention);
    }

    @Override
    public int purgeBatch(Instant cutoff, Instant now, int limit) {
        // no index on opened_at (the table is written on every opening): without an order, the scan stops at the
        // limit, and a daily run finds a day's worth of expired rows
        return em.createNativeQuery("""
                delete from material_opening where (person_id, material_id, business_date) in (
                    select person_id, material_id, business_date from material_opening where opened_at < ?1
                    limit ?2 for update skip locked)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }
}
