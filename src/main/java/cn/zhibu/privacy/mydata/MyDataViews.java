package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.AnnualPlan;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.AnnualPlanItem;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.AnnualPlanReview;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignBallot;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignDecision;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignNomination;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignObjection;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignRatee;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.CampaignReport;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.Honour;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.IntegrityDeclaration;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.PledgeAssessment;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.PledgeReview;
import cn.zhibu.privacy.mydata.MyDataAnnualViews.PledgeSignature;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.Attendance;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.CalendarFeed;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.CommitteePost;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.Lecture;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.LectureRating;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.LectureSwap;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.MinutesAddendum;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.MinutesRole;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.OrgLifeProblem;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.PartyLecture;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.Rectification;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.SignInAttempt;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.SignInCodeUse;
import cn.zhibu.privacy.mydata.MyDataMeetingViews.SpeakerAbsence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /v1/me/data}: everything zhibu holds about the caller's person, one section per kind of
 * record. Other people appear by id only, where a record of the caller's names them; integrity files and their audit
 * stay with integrity officers.
 */
public final class MyDataViews {

    /** An upper-case code (a status, a kind, a role). */
    static final String CODE = "^[A-Z_]{1,32}$";
    /** Rows a section holds at most (a lifetime of daily check-ins is a few thousand). */
    static final int ROWS = 1000000;

    private MyDataViews() {
    }

    @Schema(name = "MyData", description = "Everything zhibu holds about the caller's person (PIPL Art. 45), read in "
            + "one consistent snapshot. Every section is a list (empty when there is nothing), in the order the records "
            + "were made. Other people appear by id only. Not here: integrity file entries about the person and the "
            + "audit of who read them (integrity officers keep them); the content of integrity declarations (read at "
            + "GET /v1/integrity-declarations/mine, audited there); other raters' ballots about the person.")
    public record Document(
            @Schema(description = "When this export was made") Instant exportedAt,
            Person person,
            @Schema(maxItems = ROWS) List<Membership> memberships,
            @Schema(description = "The sign-in account (never its password hash or WeChat ids)", maxItems = 1)
            List<Account> accounts,
            @Schema(description = "Roles granted to the account, revoked ones included", maxItems = ROWS)
            List<Role> roles,
            @Schema(description = "Sign-in sessions (never their tokens)", maxItems = ROWS)
            List<SignInSession> signInSessions,
            @Schema(description = "Failed password sign-ins under the account's user name", maxItems = 1)
            List<SignInFailure> signInFailures,
            @Schema(description = "WeChat binding invitations (never their codes)", maxItems = ROWS)
            List<WeChatInvitation> wechatInvitations,
            @Schema(maxItems = ROWS) List<MaterialOpening> materialOpenings,
            @Schema(maxItems = ROWS) List<CheckIn> checkIns,
            @Schema(maxItems = ROWS) List<MakeUp> makeUps,
            @Schema(maxItems = ROWS) List<QuizAttempt> quizAttempts,
            @Schema(description = "The points ledger, reversals included", maxItems = ROWS)
            List<LedgerEntry> ledgerEntries,
            @Schema(description = "Points imported from other study platforms", maxItems = ROWS)
            List<PointsImport> pointsImports,
            @Schema(description = "Weekly standings", maxItems = ROWS) List<WeekScore> weekScores,
            @Schema(description = "Places on published weekly boards", maxItems = ROWS)
            List<PublishedPlace> publishedPlaces,
            @Schema(description = "What published weeks' snapshots held of the person", maxItems = ROWS)
            List<PublishedStanding> publishedStandings,
            @Schema(description = "Study leader of the week (本周领学人) proposals and choices", maxItems = ROWS)
            List<StudyLeader> studyLeaders,
            @Schema(maxItems = 1) List<LeaderboardPreference> leaderboardPreferences,
            @Schema(maxItems = ROWS) List<Attendance> attendance,
            @Schema(description = "Sign-in codes the person signed in with", maxItems = ROWS)
            List<SignInCodeUse> signInCodesUsed,
            @Schema(description = "Wrong sign-in codes per session", maxItems = ROWS)
            List<SignInAttempt> signInAttempts,
            @Schema(description = "Micro lectures (微型党课) as speaker", maxItems = ROWS) List<Lecture> lectures,
            @Schema(description = "Swaps the person asked for or was asked to take", maxItems = ROWS)
            List<LectureSwap> lectureSwaps,
            @Schema(description = "Ratings the person gave", maxItems = ROWS) List<LectureRating> lectureRatings,
            @Schema(maxItems = ROWS) List<SpeakerAbsence> speakerAbsences,
            @Schema(description = "The person's calendar feeds (never their secret addresses)", maxItems = ROWS)
            List<CalendarFeed> calendarFeeds,
            @Schema(maxItems = ROWS) List<CommitteePost> committeePosts,
            @Schema(description = "Minutes the person hosted or recorded", maxItems = ROWS)
            List<MinutesRole> minutesRoles,
            @Schema(description = "Addenda to minutes the person wrote", maxItems = ROWS)
            List<MinutesAddendum> minutesAddenda,
            @Schema(description = "Problems found of the person at organisational life meetings", maxItems = ROWS)
            List<OrgLifeProblem> orgLifeProblems,
            @Schema(description = "Rectification items the person owns", maxItems = ROWS)
            List<Rectification> rectifications,
            @Schema(description = "Party lectures the person gave", maxItems = ROWS)
            List<PartyLecture> partyLectures,
            @Schema(description = "Campaigns that rated the person", maxItems = ROWS)
            List<CampaignRatee> campaignRatees,
            @Schema(maxItems = ROWS) List<CampaignReport> campaignReports,
            @Schema(description = "Ballots the person cast (their own or for a unit)", maxItems = ROWS)
            List<CampaignBallot> campaignBallots,
            @Schema(maxItems = ROWS) List<CampaignNomination> campaignNominations,
            @Schema(description = "Decisions about the person, of closed campaigns", maxItems = ROWS)
            List<CampaignDecision> campaignDecisions,
            @Schema(description = "Objections the person raised", maxItems = ROWS)
            List<CampaignObjection> campaignObjections,
            @Schema(description = "Annual plans the person owns", maxItems = ROWS) List<AnnualPlan> annualPlans,
            @Schema(description = "Plan items the person owns", maxItems = ROWS)
            List<AnnualPlanItem> annualPlanItems,
            @Schema(description = "Reviews of plans the person made", maxItems = ROWS)
            List<AnnualPlanReview> annualPlanReviews,
            @Schema(maxItems = ROWS) List<PledgeSignature> pledgeSignatures,
            @Schema(maxItems = ROWS) List<PledgeReview> pledgeReviews,
            @Schema(maxItems = ROWS) List<PledgeAssessment> pledgeAssessments,
            @Schema(maxItems = ROWS) List<Honour> honours,
            @Schema(description = "Integrity declarations the person made, without their content", maxItems = ROWS)
            List<IntegrityDeclaration> integrityDeclarations,
            @Schema(description = "Notices to the person (the inbox, and reminders still to come)", maxItems = ROWS)
            List<MyDataNoticeViews.Notification> notifications,
            @Schema(description = "Notices' ways to WeChat", maxItems = ROWS)
            List<MyDataNoticeViews.Delivery> notificationDeliveries,
            @Schema(description = "Kinds of notice the person chose for WeChat", maxItems = 20)
            List<MyDataNoticeViews.Preference> notificationPreferences,
            @Schema(description = "Credits for WeChat subscribe-message templates", maxItems = 20)
            List<MyDataNoticeViews.Subscription> wechatSubscriptions,
            @Schema(description = "The person's earlier exports of this document", maxItems = ROWS)
            List<Export> exports) {
    }

    @Schema(name = "MyDataPerson", description = "The person, the phone number in full")
    public record Person(
            UUID id,
            @Schema(maxLength = 64, pattern = Patterns.LONG_TEXT, nullable = true) String externalId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String name,
            @Schema(maxLength = 8, pattern = CODE) String gender,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate birthDate,
            @Schema(maxLength = 16, pattern = CODE) String politicalStatus,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate partyJoinDate,
            @Schema(maxLength = 64, pattern = Patterns.LONG_TEXT, nullable = true) String jobTitle,
            boolean leadingCadre,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, nullable = true) String phone,
            boolean active,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate leftOn,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "MyDataMembership", description = "A membership of a unit")
    public record Membership(UUID id, UUID unitId, @Schema(maxLength = 64, pattern = Patterns.LONG_TEXT) String unitName,
            boolean branch, @Schema(format = "date", pattern = Patterns.DATE) LocalDate startDate,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate endDate) {
    }

    @Schema(name = "MyDataAccount", description = "The sign-in account")
    public record Account(UUID id, UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, nullable = true) String username,
            @Schema(description = "Whether it signs in with a password") boolean password,
            boolean passwordOneTime,
            @Schema(description = "Whether a WeChat is bound") boolean wechat,
            boolean active, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "MyDataRole", description = "A role granted on a unit (everywhere without one)")
    public record Role(UUID id, UUID accountId, @Schema(maxLength = 24, pattern = CODE) String role,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID unitId, Instant grantedAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant revokedAt) {
    }

    @Schema(name = "MyDataSignInSession", description = "A sign-in session")
    public record SignInSession(UUID id, UUID accountId, Instant createdAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant revokedAt,
            @Schema(maxLength = 16, pattern = CODE, nullable = true) String revokeReason) {
    }

    @Schema(name = "MyDataSignInFailure", description = "Failed password sign-ins under the user name")
    public record SignInFailure(@Schema(minimum = "0", maximum = "1000000") int failures,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant lockedUntil,
            Instant lastFailureAt) {
    }

    @Schema(name = "MyDataWeChatInvitation", description = "An invitation to bind a WeChat")
    public record WeChatInvitation(UUID personId, Instant issuedAt, Instant expiresAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant usedAt) {
    }

    @Schema(name = "MyDataMaterialOpening", description = "The first opening of a material on a business day")
    public record MaterialOpening(UUID personId, UUID materialId,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate businessDate, Instant openedAt) {
    }

    @Schema(name = "MyDataCheckIn", description = "A check-in (学习打卡)")
    public record CheckIn(UUID id, UUID personId, UUID branchId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID materialId,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate businessDate,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String note,
            @Schema(minimum = "0", maximum = "86400", nullable = true) Integer studySeconds,
            @Schema(maxLength = 16, pattern = CODE) String status,
            @Schema(maxLength = 32, pattern = CODE, nullable = true) String flagReason,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID makeUpId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID ledgerEntryId,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String reviewReason,
            Instant createdAt) {
    }

    @Schema(name = "MyDataMakeUp", description = "A request to check in a missed day (补卡)")
    public record MakeUp(UUID id, UUID personId, UUID branchId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID materialId,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate businessDate,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT) String reason,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String note,
            @Schema(maxLength = 16, pattern = CODE) String status,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant decidedAt,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String decisionReason,
            Instant createdAt) {
    }

    @Schema(name = "MyDataQuizAttempt", description = "A quiz attempt with its questions; the correct keys and "
            + "explanations only once submitted")
    public record QuizAttempt(UUID id, UUID personId, UUID quizId,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String quizTitle, Instant startedAt,
            Instant deadline,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant submittedAt,
            @Schema(minimum = "0", maximum = "50", nullable = true) Integer score,
            @Schema(nullable = true) Boolean practice,
            @Schema(minimum = "-100000", maximum = "100000", nullable = true) Integer points,
            @Schema(maxItems = 50) List<QuizAnswer> questions) {
    }

    @Schema(name = "MyDataQuizAnswer", description = "A question of an attempt as it was asked, and the answer")
    public record QuizAnswer(@Schema(minimum = "1", maximum = "50") int position, UUID questionId,
            @Schema(maxLength = 500, pattern = Patterns.LONG_TEXT) String text,
            @Schema(type = SchemaType.ARRAY, implementation = MyDataText.class, maxItems = 6) List<String> options,
            @Schema(maxLength = 6, pattern = "^[A-F]{0,6}$", nullable = true) String chosenKeys,
            @Schema(maxLength = 6, pattern = "^[A-F]{1,6}$", nullable = true) String correctKeys,
            @Schema(nullable = true) Boolean correct,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true) String explanation) {
    }

    @Schema(name = "MyDataLedgerEntry", description = "An entry of the points ledger (积分台账)")
    public record LedgerEntry(UUID id, UUID personId, @Schema(maxLength = 32, pattern = CODE) String activityType,
            @Schema(minimum = "-100000", maximum = "100000") int points,
            @Schema(maxLength = 32, pattern = CODE) String sourceType,
            @Schema(maxLength = 64, pattern = Patterns.LONG_TEXT) String sourceId,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate businessDate,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID reverses,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String reason,
            Instant createdAt) {
    }

    @Schema(name = "MyDataPointsImport", description = "A record of points imported from another study platform")
    public record PointsImport(@Schema(maxLength = 64, pattern = Patterns.LONG_TEXT) String externalId,
            UUID personId, @Schema(minimum = "0", maximum = "1000") int points,
            @Schema(minimum = "0", maximum = "1000") int credited,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate businessDate, UUID entryId,
            Instant importedAt) {
    }

    @Schema(name = "MyDataWeekScore", description = "Net points and counted entries of an ISO week")
    public record WeekScore(@Schema(maxLength = 8, pattern = "^[0-9]{4}-W[0-9]{2}$") String isoWeek, UUID personId,
            @Schema(minimum = "-10000000", maximum = "10000000") int points,
            @Schema(minimum = "-100000", maximum = "100000") int entries) {
    }

    @Schema(name = "MyDataPublishedPlace", description = "A place on a published board")
    public record PublishedPlace(UUID publishedWeekId, UUID personId,
            @Schema(minimum = "1", maximum = "100000000") long rank,
            @Schema(minimum = "-10000000", maximum = "10000000") int points) {
    }

    @Schema(name = "MyDataPublishedStanding", description = "What a published week's snapshot held of the person")
    public record PublishedStanding(UUID publishedWeekId, UUID personId,
            @Schema(minimum = "-10000000", maximum = "10000000") int points,
            @Schema(minimum = "-100000", maximum = "100000") int entries) {
    }

    @Schema(name = "MyDataStudyLeader", description = "A study leader of the week proposal or choice")
    public record StudyLeader(UUID id, UUID personId, UUID publishedWeekId, UUID scopeUnitId,
            @Schema(maxLength = 8, pattern = "^[0-9]{4}-W[0-9]{2}$") String isoWeek,
            @Schema(minimum = "-10000000", maximum = "10000000") int points,
            @Schema(maxLength = 16, pattern = CODE) String state, Instant createdAt) {
    }

    @Schema(name = "MyDataLeaderboardPreference", description = "Whether boards show the person as 匿名")
    public record LeaderboardPreference(UUID personId, boolean anonymous, Instant updatedAt) {
    }

    @Schema(name = "MyDataExport", description = "An earlier export of this document")
    public record Export(UUID id, UUID personId, Instant exportedAt,
            @Schema(minimum = "0", maximum = "100000000") int rowCount,
            @Schema(minimum = "0", maximum = "999999999999") long byteCount) {
    }
}
