package cn.zhibu.lecture.orglife;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** An entry of an organisational life meeting's problem list (问题清单). */
@Entity
@Table(name = "org_life_problem")
public class ProblemItem extends VersionedEntity {

    @Column(name = "party_day_id", nullable = false)
    public UUID partyDayId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ProblemSubject subject;

    /** The member whose problem it is; none for the committee's. */
    @Column(name = "person_id")
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ProblemSource source;

    @Column(nullable = false, length = 1000)
    public String text;

    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;
}
