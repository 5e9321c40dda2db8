package cn.zhibu.platform.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localised problem titles and details. Simplified Chinese is the default; English is chosen
 * when {@code Accept-Language} prefers it.
 */
public final class ProblemMessages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
    private static final String BUNDLE = "problems";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    /** The supported locale an {@code Accept-Language} header prefers; Chinese when none fits. */
    public static Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return CHINESE;
                }
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            return CHINESE;
        }
        return CHINESE;
    }

    /** The supported locale the request's {@code Accept-Language} prefers. */
    public static Locale of(jakarta.ws.rs.core.HttpHeaders headers) {
        return resolve(headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static String title(ProblemKind code, Locale locale) {
        return text(code.name() + ".title", locale);
    }

    public static String detail(ProblemKind code, Locale locale, Object... args) {
        String pattern = text(code.name() + ".detail", locale);
        return new MessageFormat(pattern, locale).format(args);
    }

    public static String text(String key, Locale locale) {
        ResourceBundle bundle = Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK)
                : ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK);
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
