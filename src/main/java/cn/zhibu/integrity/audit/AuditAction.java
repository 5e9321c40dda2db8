package cn.zhibu.integrity.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What was done, or tried, as the audit records it. OTHER_REQUEST is a request to an integrity path that reached none
 * of the operations (see {@link OtherRequestAudit}).
 */
@Schema(name = "IntegrityAuditAction", description = "What was done, or tried, on integrity files or their audit; "
        + "OTHER_REQUEST: a request to their paths that reached no operation (a method or path the API does not have, "
        + "or one refused before it was matched), the request line says what was tried")
public enum AuditAction {
    OPEN_FILE, LIST_FILES, READ_FILE, APPEND_ENTRY, VERIFY_CHAIN, LIST_OVERDUE,
    SUBMIT_DECLARATION, LIST_OWN_DECLARATIONS, LIST_DECLARATIONS, READ_DECLARATION, REVIEW_DECLARATION,
    SEARCH_AUDIT, EXPORT_AUDIT, KEY_STATUS, ROTATE_KEYS, PURGE_AUDIT, LIST_CHECKPOINTS, CHECKPOINT_KEYS,
    OTHER_REQUEST
}
