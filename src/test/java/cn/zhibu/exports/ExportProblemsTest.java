package cn.zhibu.exports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every problem of the ledger's exports reads in both languages. */
class ExportProblemsTest {

    @Test
    void everyCodeHasItsTextsInEachLanguage() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = ExportProblemsTest.class.getResourceAsStream("/" + file)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (ExportProblem kind : ExportProblem.values()) {
                for (String part : new String[] {".title", ".detail"}) {
                    assertTrue(messages.containsKey(kind.name() + part), kind.name() + part + " missing in " + file);
                }
            }
        }
    }
}
