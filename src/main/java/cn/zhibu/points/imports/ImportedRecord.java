package cn.zhibu.points.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A record of points earned elsewhere that was imported: its external id is credited once, ever. */
@Entity
@Table(name = "points_import_record")
public class ImportedRecord extends PanacheEntityBase {

    @Id
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The points the record asked for. */
    @Column(nullable = false)
    public int points;

    /** The points credited (the rule's caps may have lowered them). */
    @Column(nullable = false)
    public int credited;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
