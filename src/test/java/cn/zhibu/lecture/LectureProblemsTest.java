package cn.zhibu.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem of the lecture capability, and every rotation reason, reads in both languages. */
class LectureProblemsTest {

    @Test
    void everyCodeAndReasonHasItsTextsInEachLanguage() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = LectureProblemsTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (LectureProblem kind : LectureProblem.values()) {
                for (String part : new String[] {".title", ".detail"}) {
                    assertTrue(messages.containsKey(kind.name() + part), kind.name() + part + " missing in " + file);
                }
            }
            for (String reason : new String[] {"KEPT", "RESCHEDULED", "NEVER_LECTURED", "LONGEST_SINCE", "SWAPPED",
                "REASSIGNED"}) {
                assertTrue(messages.containsKey("ROTATION_REASON." + reason), reason + " missing in " + file);
            }
        }
    }

    @Test
    void aReasonNamesTheQuarterOfTheLastLecture() {
        assertEquals("最久未讲：上次 2026-Q1", PartyDayAccess.reasonText("LONGEST_SINCE",
                java.time.LocalDate.of(2026, 3, 27), java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("Longest since last lecture: 2025-Q4", PartyDayAccess.reasonText("LONGEST_SINCE",
                java.time.LocalDate.of(2025, 12, 26), java.util.Locale.ENGLISH));
        assertEquals(null, PartyDayAccess.reasonText(null, null, java.util.Locale.ENGLISH));
    }
}
