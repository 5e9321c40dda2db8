package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's whole document, read in one read-only transaction at REPEATABLE READ, so its sections agree. */
@ApplicationScoped
class MyDataDocument {

    private final EntityManager em;
    private final MyDataStudySections study;
    private final MyDataMeetingSections meetings;
    private final MyDataAnnualSections annual;
    private final MyDataNoticeSections notices;

    MyDataDocument(EntityManager em, MyDataStudySections study, MyDataMeetingSections meetings,
            MyDataAnnualSections annual, MyDataNoticeSections notices) {
        this.em = em;
        this.study = study;
        this.meetings = meetings;
        this.annual = annual;
        this.notices = notices;
    }

    /** The person's document as of one snapshot (its own transaction: the resource calls it outside any). */
    @Transactional
    public MyDataViews.Document read(UUID me, Instant exportedAt) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        MyDataViews.Person person = study.person(me);
        if (person == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return new MyDataViews.Document(exportedAt, person, study.memberships(me), study.accounts(me),
                study.roles(me), study.signInSessions(me), study.signInFailures(me), study.wechatInvitations(me),
                study.materialOpenings(me), study.checkIns(me), study.makeUps(me), study.quizAttempts(me),
                study.ledgerEntries(me), study.pointsImports(me), study.weekScores(me), study.publishedPlaces(me),
                study.publishedStandings(me), study.studyLeaders(me), study.leaderboardPreferences(me),
                meetings.attendance(me), meetings.signInCodesUsed(me), meetings.signInAttempts(me),
                meetings.lectures(me), meetings.lectureSwaps(me), meetings.lectureRatings(me),
                meetings.speakerAbsences(me), meetings.calendarFeeds(me), meetings.committeePosts(me),
                meetings.minutesRoles(me), meetings.minutesAddenda(me), meetings.orgLifeProblems(me),
                meetings.rectifications(me), meetings.partyLectures(me), annual.campaignRatees(me),
                annual.campaignReports(me), annual.campaignBallots(me), annual.campaignNominations(me),
                annual.campaignDecisions(me), annual.campaignObjections(me), annual.annualPlans(me),
                annual.annualPlanItems(me), annual.annualPlanReviews(me), annual.pledgeSignatures(me),
                annual.pledgeReviews(me), annual.pledgeAssessments(me), annual.honours(me),
                annual.integrityDeclarations(me), notices.notifications(me), notices.deliveries(me),
                notices.preferences(me), notices.subscriptions(me), study.exports(me));
    }

    /** The rows a document holds: the person, every row of every section, and each quiz attempt's questions. */
    static int rows(MyDataViews.Document document) {
        int rows = 1;
        for (RecordComponent component : MyDataViews.Document.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(document);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof List<?> list) {
                rows += list.size();
            }
        }
        for (MyDataViews.QuizAttempt attempt : document.quizAttempts()) {
            rows += attempt.questions().size();
        }
        return rows;
    }
}
