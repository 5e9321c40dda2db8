package cn.zhibu.annual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.honour.HonourLevel;
import cn.zhibu.annual.honour.HonourProblem;
import cn.zhibu.annual.pledge.PledgeProblem;
import cn.zhibu.platform.problem.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem of pledges and honours reads in both languages; every honour level has its Chinese label. */
class AnnualProblemsTest {

    @Test
    void everyCodeHasItsTextsInEachLanguage() throws IOException {
        List<ProblemKind> kinds = new ArrayList<>(List.of(PledgeProblem.values()));
        kinds.addAll(List.of(HonourProblem.values()));
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = AnnualProblemsTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (ProblemKind kind : kinds) {
                for (String part : new String[] {".title", ".detail"}) {
                    assertTrue(messages.containsKey(kind.name() + part), kind.name() + part + " missing in " + file);
                }
            }
        }
    }

    @Test
    void theLevelsReadInChinese() {
        assertEquals(List.of("国家", "省", "市", "区", "支部"),
                List.of(HonourLevel.values()).stream().map(HonourLevel::label).toList());
    }
}
