package cn.zhibu.testing;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Dates no other test uses, so tests sharing one database never collide. */
public final class TestDates {

    private static final LocalDate FIRST = LocalDate.of(2101, 1, 1);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestDates() {
    }

    public static LocalDate unique() {
        return FIRST.plusDays(NEXT.getAndIncrement());
    }
}
