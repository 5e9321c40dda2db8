package cn.zhibu.lecture.lecturers;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A lecturer of a session (党课, 廉政教育, 现场教学): a person of zhibu (a leading cadre's 一人讲) or an invited guest
 * (邀请专家授课), with the topic and the materials.
 */
@Entity
@Table(name = "party_lecturer")
public class Lecturer extends VersionedEntity {

    @Column(name = "party_day_id", nullable = false)
    public UUID partyDayId;

    /** The person lecturing; none for a guest. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "guest_name", length = 32)
    public String guestName;

    @Column(name = "guest_title", length = 64)
    public String guestTitle;

    @Column(name = "guest_organisation", length = 100)
    public String guestOrganisation;

    @Column(nullable = false, length = 100)
    public String topic;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(2048)[]")
    public String[] materials;

    /** Where the lecturer comes in the session, 1 to 5. */
    @Column(nullable = false)
    public short position;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
