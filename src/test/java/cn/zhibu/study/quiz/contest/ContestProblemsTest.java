package cn.zhibu.study.quiz.contest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem of contests has a title and a detail in both languages, and its details show their arguments. */
class ContestProblemsTest {

    @Test
    void everyCodeHasATitleAndDetailInEachLanguage() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = ContestProblemsTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (ContestProblem kind : ContestProblem.values()) {
                for (String part : new String[] {".title", ".detail"}) {
                    String text = messages.getProperty(kind.name() + part);
                    assertTrue(text != null && !text.isBlank(), kind.name() + part + " missing in " + file);
                    assertFalse(text.contains("'"), kind.name() + part + ": a quote would hide the arguments");
                }
                String pattern = messages.getProperty(kind.name() + ".detail");
                String detail = new MessageFormat(pattern).format(new Object[] {"ARG0"});
                assertTrue(!pattern.contains("{0}") || detail.contains("ARG0"), kind.name() + " in " + file);
            }
        }
    }
}
