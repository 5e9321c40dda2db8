package cn.zhibu.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field of a request: where ({@code field}), what kind ({@code code}) and why; for a
 * line of an imported file or list, also which {@code line} (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String code, String message, Integer line) {

    public FieldError(String field, String code, String message) {
        this(field, code, message, null);
    }
}
