package cn.zhibu.org.people.imports;

/** What a running import is doing; {@code processed} counts the lines done in this phase. */
public enum ImportPhase {
    /** Reading the file and checking every line on its own. */
    VALIDATING,
    /** Comparing the lines with the people stored, and (unless a dry run) writing them. */
    APPLYING
}
