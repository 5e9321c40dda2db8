package cn.zhibu.points;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A member's study hours (学时) of a year, for the member file (一人一档). Points does not know what a session or a
 * study material is: the lecture capability, which keeps the sessions and their attendance, implements this;
 * without it, the member file has no study hours.
 */
public interface StudyHours {

    /** The hours a person earned in a year, and the yearly requirement they are measured against. */
    record Year(BigDecimal earned, BigDecimal required) {
    }

    Year of(UUID personId, int year);
}
