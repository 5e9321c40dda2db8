package cn.zhibu.org.people.imports;

/** Where an import stands. */
public enum ImportState {
    /** Accepted, not started yet. */
    QUEUED,
    /** Being read, checked or written. */
    RUNNING,
    /** Done: a dry run found no bad line, or every line was written. */
    SUCCEEDED,
    /** The file has bad lines (see the errors); nothing was written. */
    FAILED,
    /** Stopped by an unexpected failure; nothing was written. */
    ERROR;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == ERROR;
    }
}
