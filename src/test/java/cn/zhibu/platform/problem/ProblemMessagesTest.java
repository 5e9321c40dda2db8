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

    /**
     * Details are MessageFormat patterns: a lone apostrophe would start a quote, swallowing itself and any
     * placeholder after it ("the unit's latest version, which starts on {0}" shows no date). Every detail of every
     * capability, formatted with sentinels, shows each placeholder's argument and as many apostrophes as it means.
     */
    @Test
    void everyDetailFillsItsPlaceholdersAndKeepsItsApostrophes() throws IOException {
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties texts = bundle(file);
            for (String key : texts.stringPropertyNames()) {
                if (!key.endsWith(".detail")) {
                    continue;
                }
                String pattern = texts.getProperty(key);
                // a placeholder's argument: a number where the pattern formats one, else a sentinel text
                Object[] args = new Object[5];
                String[] shown = new String[5];
                for (int i = 0; i < args.length; i++) {
                    boolean number = pattern.matches("(?s).*\\{" + i + ",\\s*(number|choice).*");
                    args[i] = number ? (Object) (971 + i) : "‹" + i + "›";
                    shown[i] = String.valueOf(args[i]);
                }
                String formatted = new java.text.MessageFormat(pattern, Locale.ROOT).format(args);
                java.util.regex.Matcher placeholders = java.util.regex.Pattern.compile("\\{(\\d)").matcher(pattern);
                while (placeholders.find()) {
                    String argument = shown[Integer.parseInt(placeholders.group(1))];
                    assertTrue(formatted.contains(argument), file + " " + key + ": " + formatted);
                }
                assertEquals(pattern.replace("''", "'").chars().filter(c -> c == '\'').count(),
                        formatted.chars().filter(c -> c == '\'').count(), file + " " + key + ": " + formatted);
            }
        }
    }

    @Test
    void typesAreStableUris() {
        assertEquals("https://zhibu.cn/problems/validation-failed", ProblemCode.VALIDATION_FAILED.type());
        assertEquals("NOT_BLANK", ProblemMappers.upperSnake("NotBlank"));
    }
}
