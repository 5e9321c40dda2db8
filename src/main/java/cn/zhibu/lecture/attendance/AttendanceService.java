package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.Audience;
import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDaySettings;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.platform.problem.FieldError;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendance of party days: the one-time codes shown on site, members signing in with them, and secretaries
 * recording attendance or leave (请假). Becoming PRESENT credits PARTY_DAY_ATTENDANCE once. One member's
 * attendance of a session changes one request at a time (a transaction-scoped advisory lock), and a code is
 * used by one member (its row is locked while it is checked).
 */
@ApplicationScoped
public class AttendanceService {

    /** The most entries of an attendance roll: a branch has at most a few hundred members. */
    public static final int ROLL_LIMIT = 1000;
    /** Wrong codes a member may type for a session; further tries are refused. */
    static final int WRONG_CODES_ALLOWED = 5;
    private static final int CODE_TRIES = 100;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayService days;
    private final AttendanceCredits credits;
    private final Duration codeLife;
    private final Duration opensBefore;
    private final SecureRandom random = new SecureRandom();

    AttendanceService(EntityManager em, BusinessCalendar calendar, PartyDayService days, AttendanceCredits credits,
            PartyDaySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.days = days;
        this.credits = credits;
        this.codeLife = Duration.ofSeconds(settings.signInCodeSeconds());
        this.opensBefore = Duration.ofMinutes(settings.signInOpensMinutes());
    }

    /** The branch holding the session; 404 for an unknown one. */
    public UUID branchOf(UUID partyDayId) {
        return days.require(partyDayId).branchId;
    }

    /** The code to show now: the current unused, unexpired one, or a new one. */
    @Transactional
    public AttendanceViews.Code code(UUID partyDayId) {
        PartyDay day = days.require(partyDayId);
        notCancelled(day);
        Instant now = calendar.now();
        requireWindow(day, now);
        advisoryLock("sign-in-code|" + day.id);
        SignInCode code = SignInCode.<SignInCode>find("partyDayId = ?1 and usedBy is null and expiresAt > ?2 "
                + "order by issuedAt desc", day.id, now).firstResultOptional().orElseGet(() -> issue(day, now));
        return new AttendanceViews.Code(code.code, code.expiresAt, day.id);
    }

    /**
     * The member signs in with a code shown on site. A wrong code is counted (and the count kept: the
     * transaction commits on {@link WrongCode}); after {@link #WRONG_CODES_ALLOWED} of them, 429.
     */
    @Transactional(dontRollbackOn = WrongCode.class)
    public AttendanceViews.View signIn(UUID partyDayId, UUID personId, String typed, String createdBy) {
        PartyDay day = days.require(partyDayId);
        notCancelled(day);
        Instant now = calendar.now();
        Instant closes = requireWindow(day, now);
        requireExpected(personId, day, calendar.dateOf(now));
        lockAttendance(day.id, personId);
        Optional<Attendance> earlier = find(day.id, personId);
        if (earlier.filter(a -> a.status == AttendanceStatus.PRESENT).isPresent()) {
            return AttendanceViews.View.of(earlier.get());
        }
        if (wrongCodes(day.id, personId) >= WRONG_CODES_ALLOWED) {
            throw new ProblemException(LectureProblem.SIGN_IN_CODE_LOCKED)
                    .header("Retry-After", Math.max(1, Duration.between(now, closes).toSeconds()));
        }
        Optional<SignInCode> shown = SignInCode.<SignInCode>find("partyDayId = ?1 and code = ?2", day.id, typed)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (shown.isEmpty()) {
            countWrong(day.id, personId, now);
            throw new WrongCode();
        }
        SignInCode code = shown.get();
        if (code.usedBy != null) {
            if (code.usedBy.equals(personId) && earlier.isPresent()) {
                return AttendanceViews.View.of(earlier.get());
            }
            throw new ProblemException(LectureProblem.SIGN_IN_CODE_USED);
        }
        if (!code.expiresAt.isAfter(now)) {
            throw new ProblemException(LectureProblem.SIGN_IN_CODE_EXPIRED);
        }
        code.usedBy = personId;
        code.usedAt = now;
        Attendance attendance = mark(day, personId, earlier, AttendanceStatus.PRESENT, AttendanceMethod.CODE, null,
                now, createdBy);
        credits.credit(day, personId, createdBy);
        return AttendanceViews.View.of(attendance);
    }

    /**
     * A secretary records a member's attendance or leave once the session has started. PRESENT credits the
     * attendance (once); LEAVE or ABSENT reverses a standing credit. Recording PRESENT over PRESENT keeps the
     * record as it was (a code sign-in stays CODE).
     */
    @Transactional
    public AttendanceViews.View record(UUID partyDayId, UUID personId, AttendanceViews.Record request,
            String createdBy, Locale locale) {
        PartyDay day = days.require(partyDayId);
        notCancelled(day);
        Instant now = calendar.now();
        if (day.startsAt.isAfter(now)) {
            throw new ProblemException(LectureProblem.PARTY_DAY_NOT_STARTED, day.id.toString());
        }
        if (request.status() == AttendanceStatus.LEAVE && request.reason() == null) {
            throw new ProblemException(ProblemCode.VALIDATION_FAILED, List.of(new FieldError("reason", "REQUIRED",
                    ProblemMessages.text("field.REQUIRED", locale))), 1);
        }
        requireExpected(personId, day, day.heldOn);
        lockAttendance(day.id, personId);
        Optional<Attendance> earlier = find(day.id, personId);
        if (request.status() == AttendanceStatus.PRESENT) {
            Attendance attendance = earlier.filter(a -> a.status == AttendanceStatus.PRESENT).orElseGet(() -> mark(day,
                    personId, earlier, AttendanceStatus.PRESENT, AttendanceMethod.RECORDED, request.reason(), now,
                    createdBy));
            credits.credit(day, personId, createdBy);
            return AttendanceViews.View.of(attendance);
        }
        Attendance attendance = mark(day, personId, earlier, request.status(), AttendanceMethod.RECORDED,
                request.reason(), now, createdBy);
        credits.withdraw(day, personId, request.status(), createdBy);
        return AttendanceViews.View.of(attendance);
    }

    /** A wrong code: counted towards the lock-out, and its transaction commits that count. */
    public static class WrongCode extends ProblemException {

        WrongCode() {
            super(LectureProblem.SIGN_IN_CODE_WRONG);
        }
    }

    static Optional<Attendance> find(UUID partyDayId, UUID personId) {
        return Attendance.findByIdOptional(new Attendance.Key(partyDayId, personId));
    }

    /** Whether the person is a member of the branch on that day. */
    boolean memberOn(UUID personId, UUID branchId, LocalDate on) {
        return ((Number) em.createNativeQuery("select count(*) from membership where person_id = :person and "
                + "org_unit_id = :branch and is_branch and start_date <= :on and (end_date is null or end_date >= :on)")
                .setParameter("person", personId).setParameter("branch", branchId).setParameter("on", on)
                .getSingleResult()).longValue() > 0;
    }

    /** A member of the branch that day, and one the session expects (its committee, its party group). */
    private void requireExpected(UUID personId, PartyDay day, LocalDate on) {
        if (!memberOn(personId, day.branchId, on)) {
            // the id only: a name would tell a caller who someone outside their sight is
            throw new ProblemException(LectureProblem.ATTENDEE_NOT_MEMBER, personId.toString());
        }
        if (Audience.narrowed(day.kind) && ((Number) em.createNativeQuery("select count(*) from ("
                + Audience.expected() + ") e where e.person_id = :person").setParameter("day", day.id)
                .setParameter("person", personId).getSingleResult()).longValue() == 0) {
            throw new ProblemException(LectureProblem.ATTENDEE_NOT_EXPECTED, personId.toString(), day.kind.name());
        }
    }

    private static void notCancelled(PartyDay day) {
        if (day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(LectureProblem.PARTY_DAY_CLOSED, day.state.name());
        }
    }

    /** 422 outside the sign-in window (from a while before the start to the end); answers its end. */
    private Instant requireWindow(PartyDay day, Instant now) {
        Instant opens = day.startsAt.minus(opensBefore);
        if (now.isBefore(opens) || !now.isBefore(day.endsAt)) {
            throw new ProblemException(LectureProblem.SIGN_IN_OUTSIDE_WINDOW,
                    SHOWN.format(opens.atZone(calendar.zone())), SHOWN.format(day.endsAt.atZone(calendar.zone())));
        }
        return day.endsAt;
    }

    /** A new code, unlike any shown for the session before (so that a typed code names one). */
    private SignInCode issue(PartyDay day, Instant now) {
        for (int i = 0; i < CODE_TRIES; i++) {
            String candidate = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            if (SignInCode.count("partyDayId = ?1 and code = ?2", day.id, candidate) == 0) {
                SignInCode code = new SignInCode();
                code.id = UUID.randomUUID();
                code.partyDayId = day.id;
                code.code = candidate;
                code.issuedAt = now;
                code.expiresAt = now.plus(codeLife);
                code.persist();
                return code;
            }
        }
        throw new IllegalStateException("no unused sign-in code left for session " + day.id);
    }

    private Attendance mark(PartyDay day, UUID personId, Optional<Attendance> earlier, AttendanceStatus status,
            AttendanceMethod method, String reason, Instant now, String createdBy) {
        Attendance attendance = earlier.orElseGet(() -> {
            Attendance created = new Attendance();
            created.partyDayId = day.id;
            created.personId = personId;
            return created;
        });
        attendance.status = status;
        attendance.method = method;
        attendance.reason = reason;
        attendance.recordedAt = now;
        attendance.recordedBy = createdBy;
        if (earlier.isEmpty()) {
            attendance.persist();
        }
        return attendance;
    }

    private int wrongCodes(UUID partyDayId, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select wrong_codes from sign_in_attempt where party_day_id = :day "
                + "and person_id = :person").setParameter("day", partyDayId).setParameter("person", personId)
                .getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).intValue();
    }

    private void countWrong(UUID partyDayId, UUID personId, Instant now) {
        em.createNativeQuery("insert into sign_in_attempt (party_day_id, person_id, wrong_codes, last_wrong_at) "
                + "values (:day, :person, 1, :now) on conflict (party_day_id, person_id) do update "
                + "set wrong_codes = sign_in_attempt.wrong_codes + 1, last_wrong_at = excluded.last_wrong_at")
                .setParameter("day", partyDayId).setParameter("person", personId).setParameter("now", now)
                .executeUpdate();
    }

    /** One member's attendance of a session changes one transaction at a time, on every replica. */
    private void lockAttendance(UUID partyDayId, UUID personId) {
        advisoryLock("attendance|" + partyDayId + "|" + personId);
    }

    private void advisoryLock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))").setParameter("key", key)
                .getSingleResult();
    }
}
