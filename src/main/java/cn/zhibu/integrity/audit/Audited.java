package cn.zhibu.integrity.audit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks an integrity operation: every request to it leaves exactly one audit row. The operation records
 * what it read or wrote ({@link IntegrityAudit#allowed}) in its own transaction; anything refused (401,
 * 403, 404, a bad request, a conflict) is recorded by {@link AuditFilter} from the answer.
 */
@NameBinding
@java.lang.annotation.Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** What the operation does, as recorded (e.g. READ_FILE). */
    AuditAction value();

    /** What the {@code id} path parameter names, if anything. */
    Target target() default Target.NONE;

    /** What an operation's {@code id} path parameter is. */
    enum Target {
        NONE, FILE, DECLARATION
    }
}
