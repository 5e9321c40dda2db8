package cn.zhibu.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details body, with the stable {@code code} and, for validation, field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
