package cn.zhibu.study;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An instant written in the years 2000 to 2100 (in its own offset): what {@link #PATTERN} says of its text.
 * Dates far out (year +300000) would reach the database as out of range.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InstantInRange.Validator.class)
public @interface InstantInRange {

    /** An RFC 3339 instant of the years 2000 to 2100. */
    String PATTERN = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?"
            + "(Z|[+-][0-9]{2}:[0-9]{2})$";

    String message() default "must be in the years 2000 to 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<InstantInRange, Instant> {

        /** 2000-01-01T00:00 at UTC+14:00, and 2101-01-01T00:00 at UTC-14:00: any offset's local years 2000 to 2100. */
        private static final Instant FIRST = Instant.parse("1999-12-31T10:00:00Z");
        private static final Instant AFTER = Instant.parse("2101-01-01T14:00:00Z");

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST) && value.isBefore(AFTER));
        }
    }
}
