package cn.zhibu.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by services and resources to answer with a problem; the detail is localised from its arguments. */
public class ProblemException extends RuntimeException {

    private final ProblemKind code;
    private final transient Object[] args;
    private final List<FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemKind code, Object... args) {
        this(code, List.of(), args);
    }

    public ProblemException(ProblemKind code, List<FieldError> errors, Object... args) {
        super(code.name(), null, false, false);
        this.code = code;
        this.args = args.clone();
        this.errors = List.copyOf(errors);
    }

    public ProblemKind code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Adds a header to the answer, such as {@code Retry-After}. */
    public ProblemException header(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
