package cn.zhibu.lecture.rotation;

import cn.zhibu.lecture.LectureNotices;
import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.lecture.LectureSwap;
import cn.zhibu.lecture.MicroLecture;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayAccess;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Plans a branch's rotation of hosts and speakers over its future PLANNED sessions, shows the plan against the
 * present state, and applies it. Applying takes the branch's rotation lock and the sessions' row locks, plans
 * again, and refuses (412) when the result is not the plan previewed.
 */
@ApplicationScoped
public class RotationService {

    private static final int DUE_SHOWN = 20;

    private final EntityManager em;
    private final RotationInputs inputs;
    private final BusinessCalendar calendar;
    private final PartyDayAccess reader;
    private final LectureNotices notices;

    RotationService(EntityManager em, RotationInputs inputs, BusinessCalendar calendar, PartyDayAccess reader,
            LectureNotices notices) {
        this.em = em;
        this.notices = notices;
        this.reader = reader;
        this.inputs = inputs;
        this.calendar = calendar;
    }

    @Transactional
    public RotationViews.Plan preview(UUID branchId, Locale locale) {
        return plan(branchId, locale);
    }

    @Transactional
    public RotationViews.Plan apply(UUID branchId, String planId, Locale locale) {
        inputs.lock(branchId);
        RotationViews.Plan plan = plan(branchId, locale);
        if (!plan.planId().equals(planId)) {
            throw new ProblemException(LectureProblem.ROTATION_PLAN_CHANGED);
        }
        for (RotationViews.PlannedSession session : plan.sessions()) {
            write(session);
        }
        em.flush();
        em.clear();
        return plan(branchId, locale);
    }

    public LocalDate today() {
        return calendar.today();
    }

    /** Who is due to lecture next in the branch, as of today. */
    public List<RotationViews.Due> due(UUID branchId, int limit, Locale locale) {
        LocalDate today = calendar.today();
        List<MemberInput> members = inputs.members(branchId);
        List<SessionInput> sessions = inputs.sessions(branchId, today, false).stream()
                .filter(s -> s.fixed()).toList();
        List<SpeakerPlanner.Due> due = SpeakerPlanner.dueAt(members, sessions, inputs.rules(branchId), today.plusDays(1));
        Map<UUID, String> names = names(due.stream().map(SpeakerPlanner.Due::personId).limit(limit).toList());
        return due.stream().limit(limit).map(d -> new RotationViews.Due(d.personId(), names.get(d.personId()),
                d.reason().name(), PartyDayAccess.reasonText(d.reason().name(), d.lastLectureOn(), locale),
                d.lastLectureOn(), d.spokenInCycle())).toList();
    }

    private RotationViews.Plan plan(UUID branchId, Locale locale) {
        LocalDate today = calendar.today();
        List<MemberInput> members = inputs.members(branchId);
        SpeakerRules rules = inputs.rules(branchId);
        List<SessionInput> sessions = inputs.sessions(branchId, today, false);
        List<SpeakerAssignment> speakers = SpeakerPlanner.plan(members, sessions, rules);
        Map<UUID, HostAssignment> hosts = new HashMap<>();
        HostPlanner.plan(inputs.units(branchId), inputs.sessions(branchId, today, true))
                .forEach(h -> hosts.put(h.sessionId(), h));
        Map<UUID, PartyDay> days = new HashMap<>();
        PartyDay.<PartyDay>list("branchId = ?1 and state = 'PLANNED' and heldOn > ?2", branchId, today)
                .forEach(d -> days.put(d.id, d));
        Map<UUID, Map<Integer, MicroLecture>> slots = new HashMap<>();
        if (!days.isEmpty()) {
            em.createQuery("from MicroLecture where partyDayId in :ids", MicroLecture.class)
                    .setParameter("ids", days.keySet()).getResultList()
                    .forEach(l -> slots.computeIfAbsent(l.partyDayId, k -> new HashMap<>()).put(l.slot, l));
        }
        List<UUID> people = new ArrayList<>();
        speakers.forEach(s -> people.add(s.personId()));
        Map<UUID, String> names = names(people);
        Map<UUID, String> unitNames = new HashMap<>();
        inputs.units(branchId).forEach(u -> unitNames.put(u.unitId(), u.name()));

        List<RotationViews.PlannedSession> planned = new ArrayList<>();
        Map<UUID, List<RotationViews.PlannedSlot>> bySession = new HashMap<>();
        int changes = 0;
        for (SpeakerAssignment a : speakers) {
            MicroLecture current = slots.getOrDefault(a.sessionId(), Map.of()).get(a.slot());
            if (current == null) {
                continue;
            }
            boolean kept = a.reason() == SpeakerReason.KEPT;
            String reason = kept ? current.reason : a.reason() == null ? null : a.reason().name();
            LocalDate last = kept ? current.lastLectureOn : a.lastLectureOn();
            boolean changed = !kept && (!Objects.equals(current.speakerId, a.personId())
                    || !Objects.equals(current.reason, reason) || !Objects.equals(current.lastLectureOn, last));
            changes += changed ? 1 : 0;
            bySession.computeIfAbsent(a.sessionId(), k -> new ArrayList<>()).add(new RotationViews.PlannedSlot(
                    a.slot(), current.speakerId, a.personId(), names.get(a.personId()), reason,
                    PartyDayAccess.reasonText(reason, last, locale), last, changed));
        }
        StringBuilder fingerprint = new StringBuilder(branchId.toString());
        for (SessionInput s : sessions) {
            PartyDay day = days.get(s.id());
            if (day == null || s.cancelled()) {
                continue;
            }
            HostAssignment h = hosts.get(day.id);
            boolean chosen = "CHOSEN".equals(day.hostReason);
            UUID unit = chosen || h == null ? day.hostUnitId : h.unitId();
            String reason = chosen ? "CHOSEN" : h == null || h.reason() == null ? null : h.reason().name();
            LocalDate lastHosted = chosen || h == null ? null : h.lastHostedOn();
            boolean changed = !Objects.equals(day.hostUnitId, unit) || !Objects.equals(day.hostReason, reason);
            changes += changed ? 1 : 0;
            RotationViews.PlannedHost host = new RotationViews.PlannedHost(day.hostUnitId, unit, unitNames.get(unit),
                    reason, lastHosted, changed);
            List<RotationViews.PlannedSlot> sessionSlots = bySession.getOrDefault(day.id, List.of());
            planned.add(new RotationViews.PlannedSession(day.id, day.heldOn, day.theme, host, sessionSlots));
            fingerprint.append('|').append(day.id).append(':').append(day.version).append(':').append(day.hostUnitId)
                    .append('>').append(unit).append(':').append(reason);
            sessionSlots.forEach(p -> fingerprint.append(';').append(p.slot()).append(':')
                    .append(p.currentSpeakerId()).append('>').append(p.speakerId()).append(':').append(p.reason())
                    .append(':').append(p.lastLectureOn()));
        }
        return new RotationViews.Plan(branchId, sha256(fingerprint.toString()), today, changes, planned,
                due(branchId, DUE_SHOWN, locale));
    }

    /** Writes one session's planned host and speakers; open swap requests of slots changing hands lapse. */
    private void write(RotationViews.PlannedSession session) {
        PartyDay day = em.find(PartyDay.class, session.partyDayId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<RotationViews.PlannedSlot> changed = session.slots().stream().filter(RotationViews.PlannedSlot::changed)
                .toList();
        if (session.host().changed()) {
            day.hostUnitId = session.host().unitId();
            day.hostReason = session.host().reason();
        }
        if (session.host().changed() || !changed.isEmpty()) {
            // one new version of the session, its ETag covering its lectures too
            day.updatedAt = calendar.now();
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<Integer, MicroLecture> lectures = new HashMap<>();
        MicroLecture.<MicroLecture>list("partyDayId", day.id).forEach(l -> lectures.put(l.slot, l));
        // a speaker moving between two slots of the session would meet themself in the unique index
        Map<Integer, UUID> before = new HashMap<>();
        for (RotationViews.PlannedSlot slot : changed) {
            before.put(slot.slot(), lectures.get(slot.slot()).speakerId);
            lectures.get(slot.slot()).speakerId = null;
        }
        em.flush();
        for (RotationViews.PlannedSlot slot : changed) {
            MicroLecture lecture = lectures.get(slot.slot());
            lecture.speakerId = slot.speakerId();
            lecture.reason = slot.reason();
            lecture.lastLectureOn = slot.lastLectureOn();
            lecture.updatedAt = calendar.now();
            LectureSwap.lapseOpen(lecture.id, slot.speakerId(), calendar.now());
        }
        em.flush();
        for (RotationViews.PlannedSlot slot : changed) {
            notices.speakerChanged(day, lectures.get(slot.slot()), before.get(slot.slot()));
        }
    }

    private Map<UUID, String> names(List<UUID> ids) {
        return reader.people(ids.stream().filter(Objects::nonNull).distinct().toList());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
