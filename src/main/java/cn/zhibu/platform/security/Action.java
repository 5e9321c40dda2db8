package cn.zhibu.platform.security;

/**
 * What a caller may ask to do on an object in an org unit. Which roles and API client scopes
 * allow which actions is decided by the identity capability; resources only name the action.
 */
public enum Action {
    /** See org units. */
    ORG_READ,
    /** Create, rename, move and archive org units. */
    ORG_WRITE,
    /** See people and their memberships (phones masked). */
    PEOPLE_READ,
    /** See people's phone numbers unmasked. */
    PEOPLE_PHONE_READ,
    /** Add, change, transfer people and record leaving. */
    PEOPLE_WRITE,
    /** Import people from CSV files. */
    PEOPLE_IMPORT,
    /** Issue WeChat invitation codes to people. */
    INVITATION_ISSUE,
    /** Grant and revoke roles, create staff accounts. */
    GRANT_MANAGE,
    /** Create, rotate and revoke API clients. */
    API_CLIENT_MANAGE,
    /** Make new versions of scoring rules (得分细则). */
    SCORING_RULE_WRITE,
    /** Read people's points ledgers (everyone reads their own). */
    POINTS_READ,
    /** Award points by hand and reverse ledger entries. */
    POINTS_AWARD,
    /** Import points earned elsewhere (CSV or API client), idempotent per external id. */
    POINTS_IMPORT,
    /** Publish and change study materials, question banks and quizzes. */
    STUDY_MATERIAL_WRITE,
    /** Approve or reject make-up check-ins, clear or reject flagged check-ins. */
    CHECK_IN_REVIEW,
    /** See the weekly boards (榜单) of people and units. */
    LEADERBOARD_READ,
    /** Publish weeks, confirm study leaders, check the standings against the ledger. */
    LEADERBOARD_MANAGE,
    /** See a branch's party days, their hosts, lectures and speakers. */
    PARTY_DAY_READ,
    /** Plan party days and their rotations, reassign speakers, record deliveries and attendance. */
    PARTY_DAY_MANAGE,
    /** See attendance and lecture coverage figures (培训覆盖面) and who is due to lecture next. */
    LECTURE_COVERAGE_READ,
    /** See the yearly compliance of organisational life: sessions held, missed and due, study hours (学时). */
    ORG_LIFE_REPORT_READ,
    /**
     * See a unit's annual plans, its campaigns' timetables and published results, pledges and honours; take part
     * in a campaign (report, nominate, rate, object) as the campaign allows.
     */
    ANNUAL_READ,
    /** Make a unit's annual plans, run its campaigns and decide them, review pledges, record honours. */
    ANNUAL_MANAGE,
    /** Read integrity files, for a stated purpose, never one's own or a declared relative's. */
    INTEGRITY_FILE_READ,
    /** Open integrity files, add entries, accept cadres' declarations into them. */
    INTEGRITY_FILE_WRITE,
    /** Review cadres' declarations as the head of their unit, before an integrity officer does. */
    INTEGRITY_DECLARATION_REVIEW,
    /** Search and export the access audit of integrity files. */
    INTEGRITY_AUDIT_READ,
    /** Re-encrypt integrity files under the current key (everywhere only). */
    INTEGRITY_KEY_ROTATE,
    /** Export the signed checkpoints of integrity files' heads, for write-once storage (everywhere only). */
    INTEGRITY_CHECKPOINT_READ,
    /** Read the log of the retention purge: what was deleted or erased, when, in counts (everywhere only). */
    RETENTION_READ,
    /** Choose a branch's quiet hours, when no WeChat message is sent. */
    NOTIFICATION_SETTINGS_WRITE,
    /** Read the WeChat deliveries of notices: state, attempts and last error per message. */
    NOTIFICATION_DELIVERY_READ,
    /** Read a unit's aggregate figures for dashboards (counts and rates, small cells suppressed, never a person). */
    STATS_READ,
    /** Read integrity figures in counts: reviews and reports done and overdue, never whose. */
    INTEGRITY_STATS_READ,
    /** Export a unit's year as the inspection ledger (台账), follow the export and download it. */
    EXPORT_MANAGE
}
