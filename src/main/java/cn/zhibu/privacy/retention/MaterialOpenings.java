package cn.zhibu.privacy.retention;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The first opening of a study material by a person on a day ({@code material_opening}): deleted when expired. */
@Singleton
class MaterialOpenings extends RowsKeptFor {

    MaterialOpenings(EntityManager em, RetentionSettings settings) {
        super(em, "MATERIAL_OPENINGS", settings.materialOpenings());
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
