package cn.zhibu.points.file;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A unit's own rating bands (评定档次), highest first; the units under it inherit them unless they have their own. */
@Entity
@Table(name = "rating_band_set")
public class RatingBandSet extends VersionedEntity {

    @Column(name = "org_unit_id", nullable = false, unique = true)
    public UUID unitId;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rating_band", joinColumns = @JoinColumn(name = "set_id"))
    @OrderColumn(name = "position")
    public List<Band> bands = new ArrayList<>();

    /** One band: the name a year's total earns when it reaches {@code minPoints}. */
    @Embeddable
    public static class Band {

        @Column(nullable = false, length = 16)
        public String name;

        @Column(name = "min_points", nullable = false)
        public int minPoints;

        public Band() {
        }

        public Band(String name, int minPoints) {
            this.name = name;
            this.minPoints = minPoints;
        }
    }
}
