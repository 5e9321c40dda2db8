package cn.zhibu.lecture.compliance;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.compliance.ComplianceViews.HoursSource;
import cn.zhibu.lecture.compliance.ComplianceViews.MaterialCredit;
import cn.zhibu.lecture.compliance.ComplianceViews.SessionCredit;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.StudyHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Study hours (学时): what a person earns in a year. A session credits its attendees (PRESENT; not those on leave
 * or absent) once it counts as held (HELD, or started and not cancelled), dated by the day it is held: its own
 * study hours, else its kind's setting, else its duration rounded to the nearest half hour (at most 12). A study
 * material with hours credits a person whose check-in on it was credited (CREDITED: not flagged, rejected or
 * reversed), once, in the year of the first such check-in: a credited check-in is what zhibu keeps as proof that
 * the material was studied.
 */
@ApplicationScoped
public class StudyHoursService implements StudyHours {

    static final int MOST_LISTED = 1000;
    private static final BigDecimal MOST_SESSION_HOURS = new BigDecimal("12.0");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** Sessions attended (present) that count as held, in the year, by the people :people selects. */
    private static final String SESSIONS = """
            select a.person_id as person_id, d.id as party_day_id, d.kind as kind, d.theme as theme,
                   d.held_on as held_on, d.study_hours as study_hours,
                   cast(extract(epoch from d.ends_at - d.starts_at) as bigint) as seconds
              from attendance a join party_day d on d.id = a.party_day_id
             where a.status = 'PRESENT' and d.held_on between :from and :to and d.state <> 'CANCELLED'
               and (d.state = 'HELD' or d.starts_at <= :now) and a.person_id in (%s)
             order by d.held_on desc, d.id""";

    /** Materials with hours whose first credited check-in of the person falls in the year. */
    private static final String MATERIALS = """
            select c.person_id as person_id, m.id as material_id, m.title as title, m.study_hours as study_hours,
                   min(c.business_date) as studied_on
              from check_in c join study_material m on m.id = c.material_id
             where c.status = 'CREDITED' and m.study_hours is not null and c.person_id in (%s)
             group by c.person_id, m.id, m.title, m.study_hours
            having min(c.business_date) between :from and :to
             order by studied_on desc, m.id""";

    private final EntityManager em;
    private final OrgLifeSettings settings;
    private final BusinessCalendar calendar;

    StudyHoursService(EntityManager em, OrgLifeSettings settings, BusinessCalendar calendar) {
        this.em = em;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public StudyHours.Year of(UUID personId, int year) {
        ComplianceViews.PersonHours hours = person(personId, year);
        return new StudyHours.Year(hours.earned(), hours.required());
    }

    /** A person's hours of a year, with the sessions and materials that credit them. */
    public ComplianceViews.PersonHours person(UUID personId, int year) {
        List<SessionCredit> sessions = new ArrayList<>();
        for (Tuple row : rows(SESSIONS, ":person", year, q -> q.setParameter("person", personId))) {
            sessions.add(session(row));
        }
        List<MaterialCredit> materials = new ArrayList<>();
        for (Tuple row : rows(MATERIALS, ":person", year, q -> q.setParameter("person", personId))) {
            materials.add(material(row));
        }
        BigDecimal fromSessions = sessions.stream().map(SessionCredit::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fromMaterials = materials.stream().map(MaterialCredit::hours).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return new ComplianceViews.PersonHours(personId, year, scaled(fromSessions.add(fromMaterials)), required(),
                expectedToDate(year), scaled(fromSessions), scaled(fromMaterials),
                sessions.subList(0, Math.min(MOST_LISTED, sessions.size())),
                materials.subList(0, Math.min(MOST_LISTED, materials.size())));
    }

    /**
     * The year's hours of each person whom {@code people} (an SQL select of person ids, with its own parameters
     * set by {@code parameters}) selects; a person with none is left out.
     */
    public Map<UUID, BigDecimal> totals(String people, int year, java.util.function.UnaryOperator<Query> parameters) {
        Map<UUID, BigDecimal> totals = new HashMap<>();
        for (Tuple row : rows(SESSIONS, people, year, parameters)) {
            totals.merge(Rows.uuid(row, "person_id"), session(row).hours(), BigDecimal::add);
        }
        for (Tuple row : rows(MATERIALS, people, year, parameters)) {
            totals.merge(Rows.uuid(row, "person_id"), material(row).hours(), BigDecimal::add);
        }
        totals.replaceAll((person, hours) -> scaled(hours));
        return totals;
    }

    /** The yearly requirement. */
    public BigDecimal required() {
        return scaled(settings.yearlyStudyHours());
    }

    /** The requirement pro rata to today's share of the year, rounded down to a half hour. */
    public BigDecimal expectedToDate(int year) {
        LocalDate today = calendar.today();
        if (today.getYear() > year) {
            return required();
        }
        if (today.getYear() < year) {
            return scaled(BigDecimal.ZERO);
        }
        BigDecimal share = BigDecimal.valueOf(today.getDayOfYear()).divide(BigDecimal.valueOf(today.lengthOfYear()),
                10, RoundingMode.HALF_UP);
        return halves(settings.yearlyStudyHours().multiply(share), RoundingMode.FLOOR);
    }

    private SessionCredit session(Tuple row) {
        PartyDayKind kind = PartyDayKind.valueOf(Rows.string(row, "kind"));
        BigDecimal own = decimal(row.get("study_hours"));
        BigDecimal setting = settings.studyHours().get(kind);
        HoursSource source = own != null ? HoursSource.SESSION : setting != null ? HoursSource.KIND
                : HoursSource.DURATION;
        BigDecimal hours = switch (source) {
            case SESSION -> own;
            case KIND -> setting;
            case DURATION -> halves(BigDecimal.valueOf(Rows.longValue(row, "seconds")).divide(BigDecimal.valueOf(3600),
                    10, RoundingMode.HALF_UP), RoundingMode.HALF_UP).min(MOST_SESSION_HOURS);
        };
        return new SessionCredit(Rows.uuid(row, "party_day_id"), kind, Rows.localDate(row, "held_on"),
                Rows.string(row, "theme"), scaled(hours), source);
    }

    private static MaterialCredit material(Tuple row) {
        return new MaterialCredit(Rows.uuid(row, "material_id"), Rows.string(row, "title"),
                Rows.localDate(row, "studied_on"), scaled(decimal(row.get("study_hours"))));
    }

    /** Rounded to a multiple of 0.5 the given way, with one decimal. */
    static BigDecimal halves(BigDecimal hours, RoundingMode rounding) {
        return scaled(hours.multiply(TWO).setScale(0, rounding).divide(TWO));
    }

    static BigDecimal scaled(BigDecimal hours) {
        return hours.setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, String people, int year, java.util.function.UnaryOperator<Query> parameters) {
        Query query = em.createNativeQuery(sql.formatted(people), Tuple.class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31));
        if (sql.contains(":now")) {
            query.setParameter("now", calendar.now());
        }
        return parameters.apply(query).getResultList();
    }
}
