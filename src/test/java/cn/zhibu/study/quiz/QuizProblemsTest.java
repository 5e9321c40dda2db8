package cn.zhibu.study.quiz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem of quizzes has a title and a detail in both languages, and its details show their arguments. */
class QuizProblemsTest {

    @Test
    void everyCodeHasATitleAndDetailInEachLanguage() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = QuizProblemsTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (QuizProblem kind : QuizProblem.values()) {
                for (String part : new String[] {".title", ".detail"}) {
                    String text = messages.getProperty(kind.name() + part);
                    assertTrue(text != null && !text.isBlank(), kind.name() + part + " missing in " + file);
                    assertFalse(text.contains("'"), kind.name() + part + ": a quote would hide the arguments");
                }
                String detail = new MessageFormat(messages.getProperty(kind.name() + ".detail"))
                        .format(new Object[] {"ARG0", "ARG1"});
                int arguments = messages.getProperty(kind.name() + ".detail").contains("{0}") ? 1 : 0;
                assertTrue(arguments == 0 || detail.contains("ARG0"), kind.name() + " in " + file + ": " + detail);
            }
        }
    }
}
