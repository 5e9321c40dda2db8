package cn.zhibu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
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

    @Test
    void everyCodeHasATitleAndDetailInBothLanguages() {
        for (ProblemCode code : ProblemCode.values()) {
            for (Locale locale : ProblemMessages.SUPPORTED) {
                String title = ProblemMessages.title(code, locale);
                String detail = ProblemMessages.detail(code, locale, 1, 2);
                assertFalse(title.endsWith(".title"), code + " has no title in " + locale);
                assertFalse(detail.endsWith(".detail"), code + " has no detail in " + locale);
            }
        }
    }

    @Test
    void typesAreStableUris() {
        assertEquals("https://zhibu.cn/problems/validation-failed", ProblemCode.VALIDATION_FAILED.type());
        assertEquals("NOT_BLANK", ProblemMappers.upperSnake("NotBlank"));
    }
}
