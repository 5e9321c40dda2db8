package cn.zhibu.lecture.minutes;

import cn.zhibu.lecture.Audience;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayAccess;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.lecture.attendance.AttendanceRoll;
import cn.zhibu.lecture.attendance.AttendanceViews;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A session's minutes: written and rewritten (If-Match on their version) until archived, then kept as they are, with
 * addenda. Every change locks the session's row first, so archiving, rewriting, addenda and attachments of one
 * session take turns.
 */
@ApplicationScoped
public class MinutesService {

    private static final TypeReference<List<String>> TOPICS = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredResolution>> RESOLUTIONS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayService days;
    private final PartyDayAccess people;
    private final AttendanceRoll roll;
    private final ObjectMapper json;

    MinutesService(EntityManager em, BusinessCalendar calendar, PartyDayService days, PartyDayAccess people,
            AttendanceRoll roll, ObjectMapper json) {
        this.em = em;
        this.calendar = calendar;
        this.days = days;
        this.people = people;
        this.roll = roll;
        this.json = json;
    }

    /** A resolution as stored in the row's JSON. */
    record StoredResolution(String text, UUID ownerId, LocalDate dueOn) {
    }

    /** The minutes as they stand, with the attendance as recorded now. */
    public MinutesViews.View view(UUID partyDayId) {
        PartyDay day = days.require(partyDayId);
        AttendanceViews.Counts counts = roll.roll(partyDayId).counts();
        MinutesViews.AttendanceSummary attendance = new MinutesViews.AttendanceSummary(expected(day),
                counts.present(), counts.leave(), counts.absent(), counts.notRecorded());
        Optional<Tuple> found = row(partyDayId);
        if (found.isEmpty()) {
            return new MinutesViews.View(partyDayId, false, null, null, null, null, List.of(), List.of(), null,
                    attendance, false, null, null, List.of(), null, null, 0);
        }
        Tuple r = found.get();
        List<String> topics = read(Rows.string(r, "topics"), TOPICS);
        List<StoredResolution> stored = read(Rows.string(r, "resolutions"), RESOLUTIONS);
        List<Tuple> addenda = addenda(partyDayId);
        Set<UUID> ids = new HashSet<>();
        ids.add(Rows.uuid(r, "host_id"));
        ids.add(Rows.uuid(r, "recorder_id"));
        stored.forEach(s -> ids.add(s.ownerId()));
        addenda.forEach(a -> {
            if (Rows.uuid(a, "author_person_id") != null) {
                ids.add(Rows.uuid(a, "author_person_id"));
            }
        });
        Map<UUID, String> names = people.people(ids);
        return new MinutesViews.View(partyDayId, true, Rows.uuid(r, "host_id"), names.get(Rows.uuid(r, "host_id")),
                Rows.uuid(r, "recorder_id"), names.get(Rows.uuid(r, "recorder_id")), topics,
                stored.stream().map(s -> new MinutesViews.Resolution(s.text(), s.ownerId(), names.get(s.ownerId()),
                        s.dueOn())).toList(), Rows.string(r, "notes"), attendance,
                Rows.instant(r, "archived_at") != null, Rows.instant(r, "archived_at"), Rows.string(r, "archived_by"),
                addenda.stream().map(a -> new MinutesViews.Addendum(Rows.uuid(a, "id"), Rows.string(a, "text"),
                        Rows.string(a, "author"), Rows.uuid(a, "author_person_id"),
                        names.get(Rows.uuid(a, "author_person_id")), Rows.instant(a, "created_at"))).toList(),
                Rows.string(r, "written_by"), Rows.instant(r, "written_at"), Rows.longValue(r, "version"));
    }

    /** Writes the minutes (all of them), if the session is not cancelled and they are not archived. */
    @Transactional
    public MinutesViews.View write(UUID partyDayId, IfMatch precondition, MinutesViews.Write request, String by) {
        PartyDay day = days.lock(partyDayId);
        Optional<Tuple> found = row(partyDayId);
        refuseArchived(found);
        precondition.check(found.map(r -> Rows.longValue(r, "version")).orElse(0L));
        if (day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(MinutesProblem.MINUTES_SESSION_CANCELLED);
        }
        Map<String, UUID> named = new LinkedHashMap<>();
        named.put("hostId", request.hostId());
        named.put("recorderId", request.recorderId());
        for (int i = 0; i < request.resolutions().size(); i++) {
            named.put("resolutions[" + i + "].ownerId", request.resolutions().get(i).ownerId());
        }
        requireMembers(day, named);
        List<StoredResolution> resolutions = request.resolutions().stream()
                .map(r -> new StoredResolution(r.text().strip(), r.ownerId(), r.dueOn())).toList();
        List<String> topics = request.topics().stream().map(String::strip).toList();
        String notes = request.notes() == null || request.notes().isBlank() ? null : request.notes();
        String sql = found.isEmpty()
                ? "insert into minutes (party_day_id, host_id, recorder_id, topics, resolutions, notes, version, "
                        + "written_by, written_at) values (:day, :host, :recorder, cast(:topics as jsonb), "
                        + "cast(:resolutions as jsonb), :notes, 1, :by, :at)"
                : "update minutes set host_id = :host, recorder_id = :recorder, topics = cast(:topics as jsonb), "
                        + "resolutions = cast(:resolutions as jsonb), notes = :notes, version = version + 1, "
                        + "written_by = :by, written_at = :at where party_day_id = :day";
        em.createNativeQuery(sql).setParameter("day", partyDayId).setParameter("host", request.hostId())
                .setParameter("recorder", request.recorderId()).setParameter("topics", write(topics))
                .setParameter("resolutions", write(resolutions)).setParameter("notes", notes).setParameter("by", by)
                .setParameter("at", calendar.now()).executeUpdate();
        return view(partyDayId);
    }

    /** Archives the minutes of a held session: from then on they never change. */
    @Transactional
    public MinutesViews.View archive(UUID partyDayId, IfMatch precondition, String by) {
        PartyDay day = days.lock(partyDayId);
        Optional<Tuple> found = row(partyDayId);
        if (found.isEmpty()) {
            throw new ProblemException(MinutesProblem.MINUTES_NOT_WRITTEN);
        }
        refuseArchived(found);
        precondition.check(Rows.longValue(found.get(), "version"));
        if (day.state != PartyDayState.HELD) {
            throw new ProblemException(MinutesProblem.MINUTES_SESSION_NOT_HELD, day.state.name());
        }
        em.createNativeQuery("update minutes set archived_at = :at, archived_by = :by, version = version + 1 "
                + "where party_day_id = :day").setParameter("at", calendar.now()).setParameter("by", by)
                .setParameter("day", partyDayId).executeUpdate();
        return view(partyDayId);
    }

    /** Adds a correction to archived minutes. */
    @Transactional
    public MinutesViews.Addendum addendum(UUID partyDayId, MinutesViews.AddendumCreate request, String by,
            UUID personId) {
        days.lock(partyDayId);
        Optional<Tuple> found = row(partyDayId);
        if (found.isEmpty() || Rows.instant(found.get(), "archived_at") == null) {
            throw new ProblemException(MinutesProblem.MINUTES_NOT_ARCHIVED);
        }
        long count = ((Number) em.createNativeQuery("select count(*) from minutes_addendum where party_day_id = :day")
                .setParameter("day", partyDayId).getSingleResult()).longValue();
        if (count >= MinutesViews.MAX_ADDENDA) {
            throw new ProblemException(MinutesProblem.MINUTES_ADDENDA_TOO_MANY, MinutesViews.MAX_ADDENDA);
        }
        UUID id = UUID.randomUUID();
        Instant now = calendar.now();
        em.createNativeQuery("insert into minutes_addendum (party_day_id, id, position, text, author, "
                + "author_person_id, created_at) values (:day, :id, :position, :text, :by, :person, :at)")
                .setParameter("position", count + 1).setParameter("day", partyDayId)
                .setParameter("id", id).setParameter("text", request.text().strip()).setParameter("by", by)
                .setParameter("person", personId).setParameter("at", now).executeUpdate();
        String name = personId == null ? null : people.people(List.of(personId)).get(personId);
        return new MinutesViews.Addendum(id, request.text().strip(), by, personId, name, now);
    }

    /** When the session's minutes were archived, if they were; called with the session locked. */
    Optional<Instant> archivedAt(UUID partyDayId) {
        return row(partyDayId).map(r -> Rows.instant(r, "archived_at"));
    }

    private static void refuseArchived(Optional<Tuple> found) {
        found.map(r -> Rows.instant(r, "archived_at")).ifPresent(at -> {
            throw new ProblemException(MinutesProblem.MINUTES_ARCHIVED, at.toString());
        });
    }

    /** 422 naming the first field whose person was not a member of the branch on the session's day. */
    @SuppressWarnings("unchecked")
    private void requireMembers(PartyDay day, Map<String, UUID> named) {
        List<Object> rows = em.createNativeQuery("select distinct m.person_id from membership m "
                + "where m.org_unit_id = :branch and m.is_branch and m.person_id in (:ids) and m.start_date <= :on "
                + "and (m.end_date is null or m.end_date >= :on)").setParameter("branch", day.branchId)
                .setParameter("ids", new HashSet<>(named.values())).setParameter("on", day.heldOn).getResultList();
        Set<UUID> members = new HashSet<>();
        rows.forEach(r -> members.add((UUID) r));
        for (Map.Entry<String, UUID> e : named.entrySet()) {
            if (!members.contains(e.getValue())) {
                throw new ProblemException(MinutesProblem.MINUTES_PERSON_NOT_MEMBER, e.getKey(),
                        e.getValue().toString());
            }
        }
    }

    /** The people the session expects on its day ({@link Audience}). */
    private int expected(PartyDay day) {
        return ((Number) em.createNativeQuery("select count(distinct e.person_id) from (" + Audience.expected()
                + ") e").setParameter("day", day.id).getSingleResult()).intValue();
    }

    @SuppressWarnings("unchecked")
    private Optional<Tuple> row(UUID partyDayId) {
        List<Tuple> rows = em.createNativeQuery("select host_id as host_id, recorder_id as recorder_id, "
                + "topics::text as topics, resolutions::text as resolutions, notes as notes, version as version, "
                + "written_by as written_by, written_at as written_at, archived_by as archived_by, "
                + "archived_at as archived_at from minutes where party_day_id = :day", Tuple.class)
                .setParameter("day", partyDayId).getResultList();
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> addenda(UUID partyDayId) {
        return em.createNativeQuery("select id as id, text as text, author as author, "
                + "author_person_id as author_person_id, created_at as created_at from minutes_addendum "
                + "where party_day_id = :day order by position", Tuple.class).setParameter("day", partyDayId)
                .getResultList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return new ArrayList<>(json.readValue(text, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
