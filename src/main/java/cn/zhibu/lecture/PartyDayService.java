package cn.zhibu.lecture;

import cn.zhibu.lecture.rotation.RotationInputs;
import cn.zhibu.lecture.rotation.SpeakerPlanner;
import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Party days: planning them one by one or as a year's series, changing them, and moving them through
 * PLANNED, CONFIRMED, HELD or CANCELLED. Their lecture slots are rows of their own, made and dropped with
 * the session's slot count.
 */
@ApplicationScoped
public class PartyDayService {

    static final Duration LONGEST = Duration.ofHours(12);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayAccess reader;
    private final Event<PartyDayClosed> closed;
    private final RotationInputs inputs;
    private final LectureNotices notices;

    PartyDayService(EntityManager em, BusinessCalendar calendar, PartyDayAccess reader, Event<PartyDayClosed> closed,
            RotationInputs inputs, LectureNotices notices) {
        this.em = em;
        this.inputs = inputs;
        this.notices = notices;
        this.calendar = calendar;
        this.reader = reader;
        this.closed = closed;
    }

    /** Told when a session is held or cancelled, in the same transaction: open swap requests lapse. */
    public record PartyDayClosed(UUID partyDayId, PartyDayState state) {
    }

    @Transactional
    public PartyDayViews.View create(PartyDayViews.Create request, Locale locale) {
        OrgUnit branch = branch(request.branchId());
        inputs.lock(branch.id);
        PartyDay day = new PartyDay();
        day.id = UUID.randomUUID();
        day.branchId = branch.id;
        day.state = PartyDayState.PLANNED;
        day.createdAt = calendar.now();
        fill(day, new Details(request.kind(), request.format(), request.startsAt(), request.endsAt(), request.theme(),
                request.place(), request.agenda(), request.hostUnitId(), request.partyGroupId(), request.studyHours(),
                request.rites()));
        day.lectureSlots = request.lectureSlots() == null ? 0 : request.lectureSlots();
        day.persist();
        slots(day, day.lectureSlots);
        notices.sessionPlanned(day);
        return reader.view(day, locale);
    }

    @Transactional
    public PartyDayViews.SeriesResult series(PartyDayViews.Series request, Locale locale) {
        OrgUnit branch = branch(request.branchId());
        // one series at a time per branch, so asking twice at once cannot make the sessions twice
        inputs.lock(branch.id);
        LocalTime start = LocalTime.parse(request.startTime());
        Duration length = Duration.ofMinutes(request.durationMinutes());
        List<PartyDay> created = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        Instant now = calendar.now();
        for (LocalDate date : dates(request)) {
            Instant startsAt = date.atTime(start).atZone(calendar.zone()).toInstant();
            boolean taken = PartyDay.count("branchId = ?1 and kind = ?2 and heldOn = ?3", branch.id, request.kind(),
                    date) > 0;
            if (!startsAt.isAfter(now) || taken) {
                skipped.add(date);
                continue;
            }
            PartyDay day = new PartyDay();
            day.id = UUID.randomUUID();
            day.branchId = branch.id;
            day.state = PartyDayState.PLANNED;
            day.createdAt = now;
            fill(day, new Details(request.kind(), request.format(), startsAt, startsAt.plus(length), request.theme(),
                    request.place(), null, null, request.partyGroupId(), null, null));
            day.lectureSlots = request.lectureSlots() == null ? 0 : request.lectureSlots();
            day.persist();
            slots(day, day.lectureSlots);
            notices.sessionPlanned(day);
            created.add(day);
        }
        return new PartyDayViews.SeriesResult(reader.views(created, locale), skipped);
    }

    /** The days of a series in its year: the given weekday in the given week of each month it recurs in. */
    static List<LocalDate> dates(PartyDayViews.Series series) {
        List<LocalDate> dates = new ArrayList<>();
        int offset = series.monthOfQuarter() == null ? 3 : series.monthOfQuarter();
        for (int month = 1; month <= 12; month++) {
            if (series.frequency() == PartyDayViews.Frequency.QUARTERLY && (month - 1) % 3 != offset - 1) {
                continue;
            }
            LocalDate first = LocalDate.of(series.year(), month, 1);
            dates.add(switch (series.weekOfMonth()) {
                case LAST -> first.with(TemporalAdjusters.lastInMonth(series.weekday()));
                default -> first.with(TemporalAdjusters.dayOfWeekInMonth(series.weekOfMonth().ordinal() + 1,
                        series.weekday()));
            });
        }
        return dates;
    }

    public Optional<PartyDay> find(UUID id) {
        return PartyDay.findByIdOptional(id);
    }

    /** The branch holding the session, if it exists. */
    public Optional<UUID> branchOf(UUID id) {
        // a value, not the entity: a session loaded before its lock would be checked against a stale version
        return em.createQuery("select d.branchId from PartyDay d where d.id = :id", UUID.class).setParameter("id", id)
                .getResultStream().findFirst();
    }

    public PartyDayViews.View view(UUID id, Locale locale) {
        return reader.view(require(id), locale);
    }

    /** A branch's sessions from a date on (and before another), earliest first. */
    public Page<PartyDayViews.View> list(UUID branchId, LocalDate from, LocalDate to, PageRequest page,
            Locale locale) {
        StringBuilder query = new StringBuilder("from PartyDay where branchId = :branch and heldOn >= :from");
        var parameters = io.quarkus.panache.common.Parameters.with("branch", branchId).and("from", from);
        if (to != null) {
            query.append(" and heldOn <= :to");
            parameters.and("to", to);
        }
        page.after().ifPresent(after -> {
            query.append(" and (startsAt > :afterAt or (startsAt = :afterAt and id > :afterId))");
            parameters.and("afterAt", Instant.parse(after.get(0))).and("afterId", UUID.fromString(after.get(1)));
        });
        var typed = em.createQuery(query + " order by startsAt, id", PartyDay.class);
        parameters.map().forEach(typed::setParameter);
        List<PartyDay> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        Page<PartyDay> days = page.page(rows, d -> List.of(d.startsAt.toString(), d.id.toString()), d -> d);
        return new Page<>(reader.views(days.items(), locale), days.nextCursor());
    }

    @Transactional
    public PartyDayViews.View change(UUID id, IfMatch precondition, PartyDayViews.Change request, Locale locale) {
        PartyDay day = lockForRotation(id);
        precondition.check(day.version);
        open(day);
        boolean moved = !day.startsAt.equals(request.startsAt()) || !day.endsAt.equals(request.endsAt());
        if (moved && (!day.startsAt.isAfter(calendar.now()) || recorded(day))) {
            throw new ProblemException(LectureProblem.PARTY_DAY_STARTED, day.id.toString());
        }
        boolean regrouped = !java.util.Objects.equals(request.partyGroupId(), day.partyGroupId);
        if ((request.kind() != day.kind || regrouped) && (recorded(day) || SessionRules.listed(em, day))) {
            throw new ProblemException(LectureProblem.PARTY_DAY_KIND_IN_USE, day.kind.name());
        }
        LocalDate before = day.heldOn;
        Map<UUID, UUID> speakers = notices.speakers(day.id);
        fill(day, new Details(request.kind(), request.format(), request.startsAt(), request.endsAt(), request.theme(),
                request.place(), request.agenda(), request.hostUnitId(), request.partyGroupId(), request.studyHours(),
                request.rites()));
        slots(day, request.lectureSlots());
        if (!day.heldOn.equals(before)) {
            unassignIneligible(day);
        }
        em.flush();
        notices.sessionChanged(day, speakers, moved);
        return reader.view(day, locale);
    }

    /** PLANNED → CONFIRMED; PLANNED or CONFIRMED → HELD (once started) or CANCELLED. */
    @Transactional
    public PartyDayViews.View move(UUID id, IfMatch precondition, PartyDayState to, Locale locale) {
        PartyDay day = lockForRotation(id);
        precondition.check(day.version);
        boolean allowed = switch (to) {
            case CONFIRMED -> day.state == PartyDayState.PLANNED;
            case HELD, CANCELLED -> day.state == PartyDayState.PLANNED || day.state == PartyDayState.CONFIRMED;
            case PLANNED -> false;
        };
        if (!allowed) {
            throw new ProblemException(LectureProblem.PARTY_DAY_STATE_CONFLICT, day.state.name(), to.name());
        }
        if (to == PartyDayState.HELD && day.startsAt.isAfter(calendar.now())) {
            throw new ProblemException(LectureProblem.PARTY_DAY_NOT_STARTED, day.id.toString());
        }
        if (to == PartyDayState.CANCELLED && recorded(day)) {
            // its deliveries and attendance stand, with their points: what took place is not cancelled
            throw new ProblemException(LectureProblem.PARTY_DAY_STARTED, day.id.toString());
        }
        if (to == PartyDayState.CANCELLED) {
            notices.sessionCancelled(day);
        }
        day.state = to;
        touch(day);
        if (to != PartyDayState.CONFIRMED) {
            closed.fire(new PartyDayClosed(day.id, to));
        }
        return reader.view(day, locale);
    }

    public PartyDay require(UUID id) {
        return find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    /** The session locked for the rest of the transaction, after its branch's rotation lock. */
    private PartyDay lockForRotation(UUID id) {
        inputs.lock(branchOf(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND)));
        return lock(id);
    }

    /** Whether a lecture's delivery or anyone's attendance is recorded for the session. */
    private boolean recorded(PartyDay day) {
        return ((Number) em.createNativeQuery("select (select count(*) from micro_lecture where party_day_id = :d "
                + "and outcome <> 'PENDING') + (select count(*) from attendance where party_day_id = :d)")
                .setParameter("d", day.id).getSingleResult()).longValue() > 0;
    }

    /** On a new date, speakers who cannot lecture that day lose their slot (pinned or not) to the rotation. */
    private void unassignIneligible(PartyDay day) {
        var rules = inputs.rules(day.branchId);
        for (MicroLecture lecture : MicroLecture.<MicroLecture>list("partyDayId = ?1 and speakerId is not null",
                day.id)) {
            boolean eligible = inputs.member(day.branchId, lecture.speakerId)
                    .filter(m -> SpeakerPlanner.eligible(m, day.heldOn, rules)).isPresent();
            if (!eligible) {
                lecture.speakerId = null;
                lecture.pinned = false;
                lecture.reason = null;
                lecture.lastLectureOn = null;
                lecture.updatedAt = calendar.now();
                LectureSwap.lapseOpen(lecture.id, null, calendar.now());
            }
        }
    }

    /** The session, locked for the rest of the transaction. */
    public PartyDay lock(UUID id) {
        PartyDay day = em.find(PartyDay.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (day == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return day;
    }

    /** Refuses a held or cancelled session: it no longer changes. */
    public static void open(PartyDay day) {
        if (day.state == PartyDayState.HELD || day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(LectureProblem.PARTY_DAY_CLOSED, day.state.name());
        }
    }

    public void touch(PartyDay day) {
        day.updatedAt = calendar.now();
        em.flush();
    }

    /** What a request says of a session, whether it plans, changes or makes it in a series. */
    private record Details(PartyDayKind kind, SessionFormat format, Instant startsAt, Instant endsAt, String theme,
            String place, String agenda, UUID hostUnitId, UUID partyGroupId, BigDecimal studyHours, List<Rite> rites) {
    }

    private void fill(PartyDay day, Details details) {
        PartyDayKind kind = details.kind();
        Instant startsAt = details.startsAt();
        Instant endsAt = details.endsAt();
        String place = details.place();
        UUID hostUnitId = details.hostUnitId();
        if (!endsAt.isAfter(startsAt) || Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new ProblemException(LectureProblem.PARTY_DAY_TIMES_INCONSISTENT, endsAt.toString(),
                    startsAt.toString());
        }
        if (kind == PartyDayKind.FIELD_TEACHING && (place == null || place.isBlank())) {
            throw new ProblemException(LectureProblem.PARTY_DAY_PLACE_REQUIRED);
        }
        day.studyHours = SessionRules.studyHours(details.studyHours(), Duration.between(startsAt, endsAt));
        day.partyGroupId = SessionRules.partyGroup(day.branchId, kind, details.partyGroupId());
        day.format = details.format() == null ? SessionFormat.IN_PERSON : details.format();
        day.rites = details.rites() == null ? new String[0]
                : details.rites().stream().distinct().map(Rite::name).toArray(String[]::new);
        day.agenda = blankToNull(details.agenda());
        day.theme = details.theme();
        day.kind = kind;
        day.startsAt = startsAt;
        day.endsAt = endsAt;
        day.heldOn = calendar.dateOf(startsAt);
        day.place = blankToNull(place);
        if (hostUnitId == null) {
            if (day.hostUnitId != null && "CHOSEN".equals(day.hostReason)) {
                day.hostUnitId = null;
                day.hostReason = null;
            }
        } else if (!hostUnitId.equals(day.hostUnitId) || !"CHOSEN".equals(day.hostReason)) {
            requireHost(day.branchId, hostUnitId, day.heldOn);
            day.hostUnitId = hostUnitId;
            day.hostReason = "CHOSEN";
        }
        day.updatedAt = calendar.now();
    }

    /** A host is an active party group or department of the branch, not blacked out that day. */
    public void requireHost(UUID branchId, UUID unitId, LocalDate on) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(unitId)
                .filter(u -> branchId.equals(u.parentId) && !u.archived()
                        && (u.kind == OrgUnitKind.PARTY_GROUP || u.kind == OrgUnitKind.DEPARTMENT))
                .orElseThrow(() -> new ProblemException(LectureProblem.PARTY_DAY_HOST_NOT_IN_BRANCH,
                        unitId.toString()));
        long blackedOut = em.createQuery("select count(b) from HostBlackout b where b.unitId = :unit "
                + "and b.fromDate <= :on and b.toDate >= :on", Long.class).setParameter("unit", unitId)
                .setParameter("on", on).getSingleResult();
        if (blackedOut > 0) {
            throw new ProblemException(LectureProblem.PARTY_DAY_HOST_BLACKED_OUT, unit.name, on.toString());
        }
    }

    /** Makes the session have this many slots: new ones empty, dropped ones must be free. */
    private void slots(PartyDay day, int count) {
        // the session's own fields first: the queries below flush it, once
        day.lectureSlots = count;
        List<MicroLecture> lectures = MicroLecture.list("partyDayId = ?1 order by slot", day.id);
        for (MicroLecture lecture : lectures) {
            if (lecture.slot > count) {
                if (lecture.pinned || lecture.outcome != LectureOutcome.PENDING) {
                    throw new ProblemException(LectureProblem.PARTY_DAY_SLOTS_IN_USE, lecture.slot);
                }
                em.createQuery("delete from LectureSwap where lectureId = :id").setParameter("id", lecture.id)
                        .executeUpdate();
                lecture.delete();
            }
        }
        Instant now = calendar.now();
        for (int slot = lectures.size() + 1; slot <= count; slot++) {
            MicroLecture lecture = new MicroLecture();
            lecture.id = UUID.randomUUID();
            lecture.partyDayId = day.id;
            lecture.slot = slot;
            lecture.outcome = LectureOutcome.PENDING;
            lecture.links = new String[0];
            lecture.createdAt = now;
            lecture.updatedAt = now;
            lecture.persist();
        }
    }

    private static OrgUnit branch(UUID id) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(LectureProblem.PARTY_DAY_BRANCH_NOT_FOUND, id.toString()));
        if (unit.kind != OrgUnitKind.BRANCH || unit.archived()) {
            throw new ProblemException(LectureProblem.PARTY_DAY_NOT_A_BRANCH, unit.name);
        }
        return unit;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
