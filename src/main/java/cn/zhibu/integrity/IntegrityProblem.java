package cn.zhibu.integrity;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of integrity files, their declarations and their audit. */
public enum IntegrityProblem implements ProblemKind {
    /** Reading a file needs a stated purpose. */
    INTEGRITY_PURPOSE_REQUIRED(400),
    /** Nobody opens their own file or that of a relative they or the cadre declared. */
    INTEGRITY_RECUSED(403),
    /** Declarations are made by a cadre's own account. */
    INTEGRITY_NOT_A_PERSON(403),
    /** A declaration is reviewed by the head of the cadre's unit, then an integrity officer, never by the cadre. */
    INTEGRITY_REVIEW_NOT_YOURS(403),
    /** A cadre has one file. */
    INTEGRITY_FILE_EXISTS(409),
    /** A closed file takes no entries. */
    INTEGRITY_FILE_CLOSED(409),
    /** The declaration was reviewed already at that stage. */
    INTEGRITY_DECLARATION_DECIDED(409),
    /** The person named is unknown or out of sight. */
    INTEGRITY_PERSON_NOT_FOUND(422),
    /** An amendment corrects an entry of the same file and type, and says why. */
    INTEGRITY_AMENDMENT_INVALID(422),
    /** A reply answers an opinion request of the same file. */
    INTEGRITY_OPINION_REQUEST_NOT_FOUND(422),
    /** A period or journey ends on or after it starts. */
    INTEGRITY_DATES_INCONSISTENT(422),
    /** A relative named by person id is unknown. */
    INTEGRITY_RELATIVE_NOT_FOUND(422),
    /** Declarations are made by cadres who have an integrity file. */
    INTEGRITY_NO_FILE(422),
    /** Audit rows are kept at least the retention period. */
    INTEGRITY_AUDIT_RETAINED(422),
    /** Cadres declare personal matters reports and gifts; other entries are filed by integrity officers. */
    INTEGRITY_DECLARATION_TYPE(422),
    /** An entry joins a file only once its signed checkpoint is on disk outside the database. */
    INTEGRITY_CHECKPOINT_UNAVAILABLE(503);

    private final int status;

    IntegrityProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
