package cn.zhibu.platform.calendar;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An exception to the Monday-to-Friday working week: a holiday or an adjusted working day. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends VersionedEntity {

    @Column(nullable = false, unique = true)
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CalendarDayKind kind;

    @Column(nullable = false, length = 64)
    public String name;
}
