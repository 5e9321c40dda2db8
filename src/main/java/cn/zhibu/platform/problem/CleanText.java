package cn.zhibu.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Text is clean before it reaches the database: every string read from a JSON body is refused when it holds a C0
 * control character other than tab, line feed and carriage return (NUL among them, which PostgreSQL cannot store).
 * The refusal is a 400 {@code VALIDATION_FAILED} naming the field with code {@code CONTROL_CHARACTER}
 * ({@link ProblemMappers}). Which fields may hold lines at all is said by their own patterns.
 */
@Singleton
public class CleanText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("clean-text").addDeserializer(String.class, new Deserializer()));
    }

    /** Whether the text holds a control character that no field takes. */
    static boolean unclean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && unclean(text)) {
                throw InvalidFormatException.from(parser, "a control character", "(not shown)", String.class);
            }
            return text;
        }
    }
}
