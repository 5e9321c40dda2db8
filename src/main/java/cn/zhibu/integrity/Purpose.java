package cn.zhibu.integrity;

import cn.zhibu.integrity.entry.EntryType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a file is read, and so what the reader gets: only the entries the purpose needs, and for an
 * audit of the file's keeping no content at all.
 */
public enum Purpose {
    /** Before a promotion (凡提四必): discipline, talks, conduct, opinion requests and replies; no family or assets. */
    PROMOTION_REVIEW(EnumSet.of(EntryType.PROFILE, EntryType.DISCIPLINE, EntryType.TALK, EntryType.CONDUCT_REVIEW,
            EntryType.OPINION_REQUEST, EntryType.OPINION_REPLY), true),
    /** The periodic review of the whole file. */
    PERIODIC_REVIEW(EnumSet.allOf(EntryType.class), true),
    /** Verifying a complaint or report: the whole file. */
    COMPLAINT_VERIFICATION(EnumSet.allOf(EntryType.class), true),
    /** Checking the file is kept properly: every entry's header and hash, no content. */
    AUDIT(EnumSet.allOf(EntryType.class), false);

    private final Set<EntryType> types;
    private final boolean content;

    Purpose(Set<EntryType> types, boolean content) {
        this.types = types;
        this.content = content;
    }

    /** The entry types the purpose shows. */
    public Set<EntryType> types() {
        return types;
    }

    /** Whether entries are shown with their content. */
    public boolean showsContent() {
        return content;
    }
}
