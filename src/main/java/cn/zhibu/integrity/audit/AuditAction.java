package cn.zhibu.integrity.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What was done, or tried, as the audit records it. */
@Schema(name = "IntegrityAuditAction", description = "What was done, or tried, on integrity files or their audit")
public enum AuditAction {
    OPEN_FILE, LIST_FILES, READ_FILE, APPEND_ENTRY, VERIFY_CHAIN, LIST_OVERDUE,
    SUBMIT_DECLARATION, LIST_OWN_DECLARATIONS, LIST_DECLARATIONS, READ_DECLARATION, REVIEW_DECLARATION,
    SEARCH_AUDIT, EXPORT_AUDIT, KEY_STATUS, ROTATE_KEYS, PURGE_AUDIT
}
