package cn.zhibu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|zh-CN", "zh-CN|zh-CN", "zh|zh-CN", "zh-TW|zh-CN", "en|en", "en-US,en;q=0.9|en",
            "fr-FR,en;q=0.5|en", "fr-FR|zh-CN", "zh-CN;q=0.8,en;q=0.9|en", "en;q=0,zh|zh-CN", "!!!bad|zh-CN"})
    void choosesTheLanguage(String header, String expected) {
        assertEquals(expected, ProblemMessages.resolve(header).toLanguageTag());
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyCodeHasATitleAndDetailInEachLanguageFile() throws IOException {
        Properties chinese = bundle("problems.properties");
        Properties english = bundle("problems_en.properties");
        assertEquals(chinese.keySet(), english.keySet(), "both languages have the same messages");
        for (ProblemCode code : ProblemCode.values()) {
            for (String part : new String[] {".title", ".detail"}) {
                assertTrue(chinese.containsKey(code.name() + part), code + part + " missing in Chinese");
                assertTrue(english.containsKey(code.name() + part), code + part + " missing in English");
            }
            for (Locale locale : ProblemMessages.SUPPORTED) {
                assertFalse(ProblemMessages.detail(code, locale, 1, 2).isBlank());
            }
        }
        assertEquals("Not found", ProblemMessages.title(ProblemCode.NOT_FOUND, Locale.ENGLISH));
        assertEquals("资源不存在", ProblemMessages.title(ProblemCode.NOT_FOUND, ProblemMessages.CHINESE));
    }

    @Test
    void typesAreStableUris() {
        assertEquals("https://zhibu.cn/problems/validation-failed", ProblemCode.VALIDATION_FAILED.type());
        assertEquals("NOT_BLANK", ProblemMappers.upperSnake("NotBlank"));
    }
}
