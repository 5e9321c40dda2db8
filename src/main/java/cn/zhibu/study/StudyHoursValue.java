package cn.zhibu.study;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** Study hours (学时): 0 to 12, in steps of half an hour. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StudyHoursValue.Validator.class)
public @interface StudyHoursValue {

    String message() default "must be 0 to 12 in steps of 0.5";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StudyHoursValue, BigDecimal> {

        private static final BigDecimal MOST = BigDecimal.valueOf(12);
        private static final BigDecimal TWO = BigDecimal.valueOf(2);

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.signum() < 0 || value.compareTo(MOST) > 0) {
                return false;
            }
            BigDecimal doubled = value.multiply(TWO);
            return doubled.compareTo(new BigDecimal(doubled.toBigInteger())) == 0;
        }
    }
}
