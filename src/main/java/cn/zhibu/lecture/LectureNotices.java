package cn.zhibu.lecture;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the lecture capability tells people, raised in the transaction of the change (a refused or rolled-back change
 * raises nothing):
 * <ul>
 * <li>{@code SESSION_COMING}: a day ({@code session:<id>:T-1D}) and two hours ({@code session:<id>:T-2H}) before a
 * session of any kind starts, to the people it expects: {@link Audience#expected()}, the roll that sign-in and
 * attendance use (the branch's members on the session's day; a branch committee's members; a party group's
 * members). Every session has a start instant ({@code starts_at}), so no start is ever guessed. Raised when it is
 * planned, again when it changes (same subjects, new due times; people no longer expected lose theirs), taken back
 * when it is cancelled.</li>
 * <li>{@code LECTURE_SLOT_COMING}: seven days before the session's start, to a slot's speaker
 * ({@code lecture-slot:<lectureId>:<personId>:T-7D}); taken back from a speaker who loses the slot.</li>
 * <li>{@code SWAP_ASKED} and {@code SWAP_ANSWERED}: due at once ({@code lecture-swap:<swapId>:asked|answered}).</li>
 * </ul>
 * A reminder whose time has passed is due at once while its event has not begun, and is not raised once it has.
 */
@ApplicationScoped
public class LectureNotices {

    static final Duration DAY_BEFORE = Duration.ofDays(1);
    static final Duration HOURS_BEFORE = Duration.ofHours(2);
    static final Duration WEEK_BEFORE = Duration.ofDays(7);
    /** Where a swap is listed and answered (a swap has no path of its own). */
    static final String SWAPS = "/v1/lecture-swaps";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Notices notices;
    private final PartyDayAccess reader;

    LectureNotices(EntityManager em, BusinessCalendar calendar, Notices notices, PartyDayAccess reader) {
        this.em = em;
        this.calendar = calendar;
        this.notices = notices;
        this.reader = reader;
    }

    /** A new session: its reminders to the people it expects. */
    public void sessionPlanned(PartyDay day) {
        em.flush();
        Set<UUID> attendees = attendees(day);
        remind(day, "T-1D", DAY_BEFORE, attendees);
        remind(day, "T-2H", HOURS_BEFORE, attendees);
    }

    /**
     * A changed session: its reminders again, for whom it expects now and when it starts now; speakers who lost
     * their slot ({@code before}: each slot's speaker before the change) lose its reminder, new ones get theirs and,
     * when it {@code moved}, every speaker's reminder follows it.
     */
    public void sessionChanged(PartyDay day, Map<UUID, UUID> before, boolean moved) {
        em.flush();
        Set<UUID> attendees = attendees(day);
        for (String which : List.of("T-1D", "T-2H")) {
            // taken back from everyone first: whoever is still expected has theirs back just below
            notices.withdraw(NoticeKind.SESSION_COMING, sessionSubject(day.id, which));
        }
        remind(day, "T-1D", DAY_BEFORE, attendees);
        remind(day, "T-2H", HOURS_BEFORE, attendees);
        Map<UUID, UUID> now = speakers(day.id);
        before.forEach((lecture, speaker) -> {
            if (!speaker.equals(now.get(lecture))) {
                notices.withdraw(NoticeKind.LECTURE_SLOT_COMING, slotSubject(lecture, speaker));
            }
        });
        now.forEach((lecture, speaker) -> {
            if (moved || !speaker.equals(before.get(lecture))) {
                slotReminder(day, lecture, speaker);
            }
        });
    }

    /** A cancelled session: its reminders and its speakers' are taken back. */
    public void sessionCancelled(PartyDay day) {
        notices.withdraw(NoticeKind.SESSION_COMING, sessionSubject(day.id, "T-1D"));
        notices.withdraw(NoticeKind.SESSION_COMING, sessionSubject(day.id, "T-2H"));
        speakers(day.id).forEach((lecture, speaker) -> notices.withdraw(NoticeKind.LECTURE_SLOT_COMING,
                slotSubject(lecture, speaker)));
    }

    /** The slot's speaker changed from {@code before} (may be null) to its speaker now (may be null). */
    public void speakerChanged(PartyDay day, MicroLecture lecture, UUID before) {
        if (before != null) {
            notices.withdraw(NoticeKind.LECTURE_SLOT_COMING, slotSubject(lecture.id, before));
        }
        if (lecture.speakerId != null) {
            slotReminder(day, lecture.id, lecture.speakerId);
        }
    }

    /** Each slot of the session with a speaker: the speaker (for {@link #sessionChanged}). */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> speakers(UUID partyDayId) {
        Map<UUID, UUID> speakers = new HashMap<>();
        List<Tuple> rows = em.createNativeQuery("select id as id, speaker_id as speaker from micro_lecture "
                + "where party_day_id = :day and speaker_id is not null", Tuple.class).setParameter("day", partyDayId)
                .getResultList();
        rows.forEach(r -> speakers.put(Rows.uuid(r, "id"), Rows.uuid(r, "speaker")));
        return speakers;
    }

    /** The colleague is asked to take the slot. */
    public void swapAsked(LectureSwap swap, PartyDay day) {
        Map<String, String> fields = sessionFields(day);
        name(swap.requestedBy).ifPresent(name -> fields.put(NoticeField.PERSON, name));
        if (swap.message != null) {
            fields.put(NoticeField.NOTE, swap.message);
        }
        notices.raise(new Notice(NoticeKind.SWAP_ASKED, "lecture-swap:" + swap.id + ":asked",
                Set.of(swap.colleagueId), calendar.now(), fields, SWAPS));
    }

    /** The requester hears that the colleague accepted or declined (a withdrawn request tells no one). */
    public void swapAnswered(LectureSwap swap, PartyDay day) {
        if (swap.state != LectureSwap.State.ACCEPTED && swap.state != LectureSwap.State.DECLINED) {
            return;
        }
        Map<String, String> fields = sessionFields(day);
        name(swap.colleagueId).ifPresent(name -> fields.put(NoticeField.PERSON, name));
        fields.put(NoticeField.STATE, swap.state == LectureSwap.State.ACCEPTED ? "已同意" : "已拒绝");
        notices.raise(new Notice(NoticeKind.SWAP_ANSWERED, "lecture-swap:" + swap.id + ":answered",
                Set.of(swap.requestedBy), calendar.now(), fields, SWAPS));
    }

    static String sessionSubject(UUID partyDayId, String which) {
        return "session:" + partyDayId + ":" + which;
    }

    static String slotSubject(UUID lectureId, UUID speakerId) {
        return "lecture-slot:" + lectureId + ":" + speakerId + ":T-7D";
    }

    private void remind(PartyDay day, String which, Duration ahead, Set<UUID> attendees) {
        due(day.startsAt.minus(ahead), day.startsAt).ifPresent(due -> notices.raise(new Notice(
                NoticeKind.SESSION_COMING, sessionSubject(day.id, which), attendees, due, sessionFields(day),
                "/v1/party-days/" + day.id)));
    }

    private void slotReminder(PartyDay day, UUID lectureId, UUID speakerId) {
        due(day.startsAt.minus(WEEK_BEFORE), day.startsAt).ifPresent(due -> notices.raise(new Notice(
                NoticeKind.LECTURE_SLOT_COMING, slotSubject(lectureId, speakerId), Set.of(speakerId), due,
                sessionFields(day), "/v1/micro-lectures/" + lectureId)));
    }

    /** When a reminder at {@code at} of an event at {@code event} is due: at once if its time passed; never after. */
    private Optional<Instant> due(Instant at, Instant event) {
        Instant now = calendar.now();
        if (!event.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(at.isAfter(now) ? at : now);
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> attendees(PartyDay day) {
        return new HashSet<>(em.createNativeQuery(Audience.expected()).setParameter("day", day.id)
                .getResultList());
    }

    /** The session's theme, start and place (a lecture's topic is only known once it is delivered). */
    private static Map<String, String> sessionFields(PartyDay day) {
        Map<String, String> fields = new HashMap<>();
        fields.put(NoticeField.TITLE, day.theme);
        fields.put(NoticeField.TIME, day.startsAt.toString());
        if (day.place != null) {
            fields.put(NoticeField.PLACE, day.place);
        }
        return fields;
    }

    private Optional<String> name(UUID personId) {
        return Optional.ofNullable(reader.people(List.of(personId)).get(personId));
    }
}
