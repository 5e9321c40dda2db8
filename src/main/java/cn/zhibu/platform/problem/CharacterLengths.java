package cn.zhibu.platform.problem;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * Text lengths count characters (code points), as the contract's {@code maxLength} does (JSON Schema) and as
 * PostgreSQL's {@code varchar(n)} does: {@code @Size} on a {@code String} no longer counts UTF-16 units, so a name of 32
 * emoji fits {@code @Size(max = 32)}. (Lists and other types keep the built-in validators.)
 */
@Singleton
public class CharacterLengths implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(SizeOfText.class);
        configuration.addMapping(mapping);
    }

    /** The number of characters of the text (a surrogate pair is one). */
    public static int of(String text) {
        return text.codePointCount(0, text.length());
    }

    /** {@code @Size} for text, in characters; more specific than the built-in one for any CharSequence. */
    public static final class SizeOfText implements ConstraintValidator<Size, String> {

        private int min;
        private int max;

        @Override
        public void initialize(Size size) {
            this.min = size.min();
            this.max = size.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = of(value);
            return length >= min && length <= max;
        }
    }
}
