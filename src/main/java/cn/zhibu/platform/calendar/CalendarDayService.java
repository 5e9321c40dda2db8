package cn.zhibu.platform.calendar;

import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The branch's working calendar: Monday to Friday, except the holidays and adjusted working days set here. */
@ApplicationScoped
public class CalendarDayService {

    private final Clock clock;

    CalendarDayService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public CalendarDayViews.View create(CalendarDayViews.Request request) {
        refuseTaken(request.date(), null);
        CalendarDay day = new CalendarDay();
        day.id = UUID.randomUUID();
        day.createdAt = clock.instant();
        apply(day, request);
        day.persistAndFlush();
        return CalendarDayViews.View.of(day);
    }

    public Optional<CalendarDayViews.View> find(UUID id) {
        return CalendarDay.<CalendarDay>findByIdOptional(id).map(CalendarDayViews.View::of);
    }

    @Transactional
    public CalendarDayViews.View update(UUID id, IfMatch precondition, CalendarDayViews.Request request) {
        CalendarDay day = existing(id);
        precondition.check(day.version);
        refuseTaken(request.date(), id);
        apply(day, request);
        day.persistAndFlush();
        return CalendarDayViews.View.of(day);
    }

    @Transactional
    public void delete(UUID id, IfMatch precondition) {
        CalendarDay day = existing(id);
        precondition.check(day.version);
        day.delete();
        CalendarDay.flush(); // a concurrent change fails here, as a 412, not later at commit
    }

    /** Days between {@code from} and {@code to} (inclusive, either open), in date order. */
    public Page<CalendarDayViews.View> list(Optional<LocalDate> from, Optional<LocalDate> to, PageRequest page) {
        LocalDate after = page.after().map(p -> LocalDate.parse(p.get(0))).orElse(null);
        LocalDate lower = from.orElse(LocalDate.MIN.withYear(1));
        if (after != null && !after.isBefore(lower)) {
            lower = after.plusDays(1);
        }
        List<CalendarDay> rows = CalendarDay.find("day >= :lower and day <= :upper order by day",
                        Parameters.with("lower", lower).and("upper", to.orElse(LocalDate.of(9999, 12, 31))))
                .page(0, page.fetchSize()).list();
        return page.page(rows, d -> List.of(d.day.toString()), CalendarDayViews.View::of);
    }

    /** Whether the branch works on this date. */
    public boolean isWorkday(LocalDate date) {
        Optional<CalendarDay> exception = CalendarDay.find("day", date).firstResultOptional();
        if (exception.isPresent()) {
            return exception.get().kind == CalendarDayKind.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private CalendarDay existing(UUID id) {
        return CalendarDay.<CalendarDay>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    private void refuseTaken(LocalDate date, UUID self) {
        Optional<CalendarDay> taken = CalendarDay.find("day", date).firstResultOptional();
        if (taken.isPresent() && !taken.get().id.equals(self)) {
            throw new ProblemException(ProblemCode.CALENDAR_DAY_EXISTS, date.toString());
        }
    }

    private void apply(CalendarDay day, CalendarDayViews.Request request) {
        day.day = request.date();
        day.kind = request.kind();
        day.name = request.name();
        day.updatedAt = clock.instant();
    }
}
