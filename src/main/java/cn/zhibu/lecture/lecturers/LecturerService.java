package cn.zhibu.lecture.lecturers;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The lecturers of party lectures (党课), integrity education (廉政教育) and field teaching (现场教学, its guide): a
 * person of zhibu or an invited guest each, at most {@value #MAX} a session. A person lecturer is active and within
 * the caller's sight (PEOPLE_READ), or a member of the session's branch: a leading cadre of another unit is named
 * by someone who sees them, or entered as a guest. Writes take the session's row lock, so the count holds under
 * concurrent additions. A cancelled session takes no changes; once HELD only the topic and materials change.
 */
@ApplicationScoped
public class LecturerService {

    /** The most lecturers of a session. */
    public static final int MAX = 5;
    private static final Set<PartyDayKind> KINDS = Set.of(PartyDayKind.PARTY_LECTURE,
            PartyDayKind.INTEGRITY_EDUCATION, PartyDayKind.FIELD_TEACHING);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayService days;

    LecturerService(EntityManager em, BusinessCalendar calendar, PartyDayService days) {
        this.em = em;
        this.calendar = calendar;
        this.days = days;
    }

    /** The session's lecturers in order (for any kind of session: none where they do not apply). */
    public LecturerViews.Lecturers list(UUID partyDayId) {
        days.require(partyDayId);
        List<Lecturer> lecturers = Lecturer.list("partyDayId = ?1 order by position, createdAt, id", partyDayId);
        return new LecturerViews.Lecturers(views(lecturers));
    }

    public LecturerViews.View get(UUID partyDayId, UUID id) {
        return views(List.of(find(partyDayId, id, false))).get(0);
    }

    @Transactional
    public LecturerViews.View add(UUID partyDayId, LecturerViews.Create request, Access.Reach sight, String by) {
        PartyDay day = writable(partyDayId);
        if (day.state == PartyDayState.HELD) {
            throw new ProblemException(LecturerProblem.LECTURER_SESSION_HELD, day.state.name());
        }
        long count = Lecturer.count("partyDayId", day.id);
        if (count >= MAX) {
            throw new ProblemException(LecturerProblem.LECTURERS_TOO_MANY, Integer.toString(MAX));
        }
        who(request.personId(), request.guest(), day, sight, null);
        Instant now = calendar.now();
        Lecturer lecturer = new Lecturer();
        lecturer.id = UUID.randomUUID();
        lecturer.partyDayId = day.id;
        fill(lecturer, request.personId(), request.guest(), request.topic(), request.materials());
        lecturer.position = (short) (request.order() != null ? request.order()
                : Math.min(MAX, 1 + Lecturer.<Lecturer>list("partyDayId", day.id).stream()
                        .mapToInt(l -> l.position).max().orElse(0)));
        lecturer.createdBy = by;
        lecturer.createdAt = now;
        lecturer.updatedAt = now;
        lecturer.persistAndFlush();
        return views(List.of(lecturer)).get(0);
    }

    @Transactional
    public LecturerViews.View change(UUID partyDayId, UUID id, IfMatch precondition, LecturerViews.Change request,
            Access.Reach sight) {
        PartyDay day = writable(partyDayId);
        Lecturer lecturer = find(partyDayId, id, true);
        precondition.check(lecturer.version);
        if (day.state == PartyDayState.HELD && !(Objects.equals(request.personId(), lecturer.personId)
                && sameGuest(request.guest(), lecturer) && request.order() == lecturer.position)) {
            throw new ProblemException(LecturerProblem.LECTURER_SESSION_HELD, day.state.name());
        }
        who(request.personId(), request.guest(), day, sight, lecturer);
        fill(lecturer, request.personId(), request.guest(), request.topic(), request.materials());
        lecturer.position = request.order().shortValue();
        lecturer.updatedAt = calendar.now();
        em.flush();
        return views(List.of(lecturer)).get(0);
    }

    @Transactional
    public void delete(UUID partyDayId, UUID id, IfMatch precondition) {
        PartyDay day = writable(partyDayId);
        Lecturer lecturer = find(partyDayId, id, true);
        precondition.check(lecturer.version);
        if (day.state == PartyDayState.HELD) {
            throw new ProblemException(LecturerProblem.LECTURER_SESSION_HELD, day.state.name());
        }
        lecturer.delete();
    }

    /** The session, locked, if it has lecturers and is not cancelled. */
    private PartyDay writable(UUID partyDayId) {
        PartyDay day = days.lock(partyDayId);
        if (!KINDS.contains(day.kind)) {
            throw new ProblemException(LecturerProblem.LECTURER_WRONG_KIND, day.kind.name());
        }
        if (day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(LectureProblem.PARTY_DAY_CLOSED, day.state.name());
        }
        return day;
    }

    private Lecturer find(UUID partyDayId, UUID id, boolean lock) {
        Lecturer lecturer = lock ? em.find(Lecturer.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Lecturer.class, id);
        if (lecturer == null || !lecturer.partyDayId.equals(partyDayId)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return lecturer;
    }

    /** Exactly one of a person and a guest; a person active, in sight, and not lecturing there already. */
    private void who(UUID personId, LecturerViews.Guest guest, PartyDay day, Access.Reach sight, Lecturer self) {
        if ((personId == null) == (guest == null)) {
            throw new ProblemException(LecturerProblem.LECTURER_PERSON_OR_GUEST);
        }
        if (personId == null || (self != null && personId.equals(self.personId))) {
            return;
        }
        if (!visible(personId, day, sight)) {
            // the id only: a name would tell a caller who someone outside their sight is
            throw new ProblemException(LecturerProblem.LECTURER_PERSON_NOT_FOUND, personId.toString());
        }
        if (Lecturer.count("partyDayId = ?1 and personId = ?2", day.id, personId) > 0) {
            throw new ProblemException(LecturerProblem.LECTURER_ALREADY_LISTED, personId.toString());
        }
    }

    /** Active, and a member now of a unit within the caller's sight or of the session's branch. */
    @SuppressWarnings("unchecked")
    private boolean visible(UUID personId, PartyDay day, Access.Reach sight) {
        List<Object[]> rows = em.createNativeQuery("select u.id, u.path from person p join membership m on "
                + "m.person_id = p.id join org_unit u on u.id = m.org_unit_id where p.id = :p and p.active "
                + "and m.start_date <= :today and (m.end_date is null or m.end_date >= :today)")
                .setParameter("p", personId).setParameter("today", calendar.today()).getResultList();
        return rows.stream().anyMatch(row -> day.branchId.equals(row[0]) || sight.covers((String) row[1]));
    }

    private static boolean sameGuest(LecturerViews.Guest guest, Lecturer lecturer) {
        return guest == null ? lecturer.guestName == null : guest.name().strip().equals(lecturer.guestName)
                && Objects.equals(blankToNull(guest.title()), lecturer.guestTitle)
                && Objects.equals(blankToNull(guest.organisation()), lecturer.guestOrganisation);
    }

    private static void fill(Lecturer lecturer, UUID personId, LecturerViews.Guest guest, String topic,
            List<String> materials) {
        lecturer.personId = personId;
        lecturer.guestName = guest == null ? null : guest.name().strip();
        lecturer.guestTitle = guest == null ? null : blankToNull(guest.title());
        lecturer.guestOrganisation = guest == null ? null : blankToNull(guest.organisation());
        lecturer.topic = topic.strip();
        lecturer.materials = materials == null ? new String[0] : materials.stream().distinct().toArray(String[]::new);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @SuppressWarnings("unchecked")
    private List<LecturerViews.View> views(List<Lecturer> lecturers) {
        List<UUID> people = lecturers.stream().map(l -> l.personId).filter(Objects::nonNull).toList();
        Map<UUID, String> names = new HashMap<>();
        if (!people.isEmpty()) {
            List<Object[]> rows = em.createNativeQuery("select id, name from person where id in (:ids)")
                    .setParameter("ids", people).getResultList();
            rows.forEach(row -> names.put((UUID) row[0], (String) row[1]));
        }
        return lecturers.stream().map(l -> new LecturerViews.View(l.id, l.partyDayId, l.personId,
                l.personId == null ? null : names.get(l.personId), l.guestName == null ? null
                        : new LecturerViews.Guest(l.guestName, l.guestTitle, l.guestOrganisation), l.topic,
                Arrays.asList(l.materials), l.position, l.createdBy, l.createdAt, l.updatedAt, l.version)).toList();
    }
}
