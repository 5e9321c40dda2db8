package cn.zhibu.platform.problem;

import java.util.List;

/** Thrown by services and resources to answer with a problem; the detail is localised from its arguments. */
public class ProblemException extends RuntimeException {

    private final ProblemKind code;
    private final transient Object[] args;
    private final List<FieldError> errors;

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
}
