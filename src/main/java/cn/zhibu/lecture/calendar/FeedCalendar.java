package cn.zhibu.lecture.calendar;

import cn.zhibu.lecture.Audience;
import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.org.OrgUnit;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The iCalendar of a feed: the sessions from a year ago to two years ahead (business dates) of the person's
 * branches now, or of the branch, cancelled ones included (STATUS:CANCELLED, so calendar apps drop them). Read
 * with two statements whatever the number of sessions (and one more for a branch feed's name).
 *
 * <p>Each session is one event with the stable UID {@code party-day-<id>@zhibu}. Its SEQUENCE grows with every
 * change of the session or of its lectures: {@value #DAY_WEIGHT} times the session's version plus the sum of its
 * lectures' versions. The weight keeps it from going down when a change of the session drops lecture slots
 * (which deletes their rows and versions) as long as the dropped slots together changed fewer than
 * {@value #DAY_WEIGHT} times.
 */
@ApplicationScoped
public class FeedCalendar {

    static final long DAY_WEIGHT = 1000;
    static final String SPEAKER_MARK = "【主讲】";
    /** More sessions than three years of weekly ones: a bound on the size of an answer. */
    static final int MAX_EVENTS = 500;

    private static final String PERSON_BRANCHES = """
            d.branch_id in (select m.org_unit_id from membership m where m.person_id = :owner and m.is_branch
                and m.start_date <= :today and (m.end_date is null or m.end_date >= :today))"""
            + Audience.expects("d", ":owner", ":today");
    private static final String BRANCH = "d.branch_id = :owner";
    private static final String IN_RANGE = " and d.held_on between :from and :to";

    private final EntityManager em;
    private final BusinessCalendar calendar;

    FeedCalendar(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    private record Session(UUID id, PartyDayKind kind, Instant start, Instant end, String theme, String place,
            String agenda, PartyDayState state, long version, Instant updatedAt, String host) {
    }

    private record Lecture(int slot, UUID speakerId, String speakerName, long version, Instant updatedAt) {
    }

    public String write(CalendarFeed feed) {
        boolean person = feed.scope == CalendarFeedScope.PERSON;
        UUID owner = person ? feed.personId : feed.branchId;
        String days = (person ? PERSON_BRANCHES : BRANCH) + IN_RANGE;
        LocalDate today = calendar.today();

        List<Session> sessions = new ArrayList<>();
        for (Tuple r : rows(em.createNativeQuery("""
                select d.id as id, d.kind as kind, d.starts_at as starts_at, d.ends_at as ends_at, d.theme as theme,
                    d.place as place, d.agenda as agenda, d.state as state, d.version as version,
                    d.updated_at as updated_at, h.name as host
                from party_day d left join org_unit h on h.id = d.host_unit_id
                """ + "where " + days + " order by d.starts_at, d.id limit " + MAX_EVENTS, Tuple.class),
                person, owner, today)) {
            sessions.add(new Session(Rows.uuid(r, "id"), PartyDayKind.valueOf(Rows.string(r, "kind")),
                    Rows.instant(r, "starts_at"), Rows.instant(r, "ends_at"), Rows.string(r, "theme"),
                    Rows.string(r, "place"), Rows.string(r, "agenda"), PartyDayState.valueOf(Rows.string(r, "state")),
                    Rows.longValue(r, "version"), Rows.instant(r, "updated_at"), Rows.string(r, "host")));
        }
        Map<UUID, List<Lecture>> lectures = new HashMap<>();
        if (!sessions.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("""
                    select l.party_day_id as party_day_id, l.slot as slot, l.speaker_id as speaker_id, p.name as name,
                        l.version as version, l.updated_at as updated_at
                    from micro_lecture l left join person p on p.id = l.speaker_id
                    where l.party_day_id in (:ids) order by l.party_day_id, l.slot""", Tuple.class)
                    .setParameter("ids", sessions.stream().map(Session::id).toList()).getResultList();
            for (Tuple r : rows) {
                lectures.computeIfAbsent(Rows.uuid(r, "party_day_id"), k -> new ArrayList<>()).add(new Lecture(
                        Rows.integer(r, "slot"), Rows.uuid(r, "speaker_id"), Rows.string(r, "name"),
                        Rows.longValue(r, "version"), Rows.instant(r, "updated_at")));
            }
        }

        Instant stamp = feed.createdAt;
        List<ICalendar.Event> events = new ArrayList<>(sessions.size());
        for (Session s : sessions) {
            List<Lecture> slots = lectures.getOrDefault(s.id(), List.of());
            long sequence = DAY_WEIGHT * s.version();
            Instant modified = s.updatedAt();
            Lecture own = null;
            for (Lecture l : slots) {
                sequence += l.version();
                modified = l.updatedAt().isAfter(modified) ? l.updatedAt() : modified;
                if (person && feed.personId.equals(l.speakerId())) {
                    own = l;
                }
            }
            stamp = modified.isAfter(stamp) ? modified : stamp;
            events.add(new ICalendar.Event("party-day-" + s.id() + "@zhibu", sequence, s.start(), s.end(),
                    own == null ? s.theme() : SPEAKER_MARK + s.theme(), description(s, slots, own), s.place(),
                    status(s.state()), modified));
        }
        // the stamp is the latest change, not the time of the request, so that unchanged calendars keep their ETag
        return ICalendar.write(name(feed), stamp, events);
    }

    static ICalendar.Status status(PartyDayState state) {
        return switch (state) {
            case PLANNED -> ICalendar.Status.TENTATIVE;
            case CONFIRMED, HELD -> ICalendar.Status.CONFIRMED;
            case CANCELLED -> ICalendar.Status.CANCELLED;
        };
    }

    private static String description(Session s, List<Lecture> slots, Lecture own) {
        StringBuilder text = new StringBuilder("类型：").append(s.kind().label());
        if (s.host() != null) {
            text.append("\n承办：").append(s.host());
        }
        if (s.agenda() != null) {
            text.append("\n议程：\n").append(s.agenda());
        }
        if (!slots.isEmpty()) {
            text.append("\n微型党课：");
            for (Lecture l : slots) {
                text.append("\n第").append(l.slot()).append("讲：")
                        .append(l.speakerName() == null ? "待定" : l.speakerName());
            }
        }
        if (own != null) {
            text.append("\n我的安排：第").append(own.slot()).append("讲由您主讲");
        }
        return text.toString();
    }

    private static String name(CalendarFeed feed) {
        if (feed.scope == CalendarFeedScope.PERSON) {
            return "我的组织生活";
        }
        return OrgUnit.<OrgUnit>findByIdOptional(feed.branchId).map(u -> u.name).orElse("支部") + "组织生活";
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(Query query, boolean person, UUID owner, LocalDate today) {
        query.setParameter("owner", owner).setParameter("from", today.minusYears(1))
                .setParameter("to", today.plusYears(2));
        if (person) {
            query.setParameter("today", today);
        }
        return query.getResultList();
    }
}
