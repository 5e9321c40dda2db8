package cn.zhibu.platform.problem;

/** One invalid field of a request: where ({@code field}), what kind ({@code code}) and why. */
public record FieldError(String field, String code, String message) {
}
