package cn.zhibu.platform.problem;

import cn.zhibu.platform.openapi.Patterns;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * JSON is read as written: content after the value ({@code {"note":"abc"} xyz}) and a key given twice are malformed
 * JSON (400 {@code MALFORMED_JSON}); a number with a fraction or a string where a whole number belongs, a number or
 * a boolean where text belongs, an empty string for an id, a date or an enum, a number for a date or an enum, and an
 * id, date, instant or enum value with white space or control characters around it (which Jackson would trim) or in
 * another form than the contract's (a date of year {@code +999999999}) are invalid values of their field (400
 * {@code VALIDATION_FAILED}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The form each scalar's text must have, beyond being trimmed and clean. */
    private static final Map<Class<?>, Pattern> FORMS = Map.of(
            UUID.class, Pattern.compile(Patterns.UUID, Pattern.CASE_INSENSITIVE),
            LocalDate.class, Pattern.compile(Patterns.DATE),
            OffsetDateTime.class, Pattern.compile(Patterns.INSTANT),
            Instant.class, Pattern.compile(Patterns.INSTANT));

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultLeniency(false);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-scalars").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Pattern form = FORMS.get(description.getBeanClass());
                return form == null ? deserializer : new Scalar(deserializer, form);
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Scalar(deserializer, null);
            }
        }));
    }

    /** A scalar read from text as it was sent: no trimming, and in its form. */
    private static final class Scalar extends DelegatingDeserializer {

        private final Pattern form;

        Scalar(JsonDeserializer<?> delegate, Pattern form) {
            super(delegate);
            this.form = form;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Scalar(delegate, form);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (!text.isEmpty() && (!text.equals(text.strip()) || CleanText.unclean(text)
                        || (form != null && !form.matcher(text).matches()))) {
                    return context.handleWeirdStringValue(handledType(), text, "not in the form the contract gives");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
