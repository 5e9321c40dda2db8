package cn.zhibu.study;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.problem.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem of the study capability has a title and a detail in both languages. */
class StudyProblemsTest {

    static List<ProblemKind> kinds() {
        List<ProblemKind> kinds = new ArrayList<>(Arrays.asList(StudyProblem.values()));
        kinds.addAll(Arrays.asList(cn.zhibu.study.checkin.CheckInProblem.values()));
        return kinds;
    }

    @Test
    void everyCodeHasATitleAndDetailInEachLanguage() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = StudyProblemsTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (ProblemKind kind : kinds()) {
                for (String part : new String[] {".title", ".detail"}) {
                    assertTrue(messages.containsKey(kind.name() + part), kind.name() + part + " missing in " + file);
                }
            }
        }
    }
}
