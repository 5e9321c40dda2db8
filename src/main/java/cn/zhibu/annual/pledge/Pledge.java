package cn.zhibu.annual.pledge;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A branch's pledge (承诺书) of a year: a title, a preamble and numbered standards. Changed only until its first
 * signature; each signature bumps its version.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends VersionedEntity {

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 100)
    public String title;

    @Column(nullable = false, length = 5000)
    public String text;

    /** The standards, numbered from 1 in this order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(500)[]")
    public String[] standards;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
