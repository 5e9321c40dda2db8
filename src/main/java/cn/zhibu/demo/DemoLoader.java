package cn.zhibu.demo;

import cn.zhibu.annual.AnnualDemoData;
import cn.zhibu.exports.ExportsDemoData;
import cn.zhibu.identity.IdentityDemoData;
import cn.zhibu.integrity.IntegrityDemoData;
import cn.zhibu.leaderboard.LeaderboardDemoData;
import cn.zhibu.lecture.LectureDemoData;
import cn.zhibu.lecture.SessionsDemoData;
import cn.zhibu.lecture.compliance.ComplianceDemoData;
import cn.zhibu.lecture.lecturers.LecturerDemoData;
import cn.zhibu.lecture.minutes.MinutesDemoData;
import cn.zhibu.lecture.orglife.OrgLifeDemoData;
import cn.zhibu.org.OrgDemoData;
import cn.zhibu.org.people.PeopleDemoData;
import cn.zhibu.platform.calendar.CalendarDemoData;
import cn.zhibu.privacy.retention.RetentionDemoData;
import cn.zhibu.platform.demo.DemoMode;
import cn.zhibu.points.PointsDemoData;
import cn.zhibu.points.file.MemberFileDemoData;
import cn.zhibu.study.checkin.StudyDemoData;
import cn.zhibu.study.quiz.QuizDemoData;
import cn.zhibu.study.quiz.contest.ContestDemoData;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads the demo data ({@code zhibu.demo=true}) at start, capability by capability in the order each needs the
 * one before: the organisation, its people, their roles, the scoring rules, member files, check-ins, quizzes,
 * leaderboards, party days, the branch committee and its other sessions, minutes, the committee's monthly
 * meetings, a quiz contest at a party day, party lectures with their lecturers, the organisational life meeting
 * with its problems and rectifications, integrity files, the working calendar of 2026, and last the annual cycle
 * (plans, campaigns, pledges, honours), which reads all of them, and last year's inspection ledger export. Each part adds
 * itself only when it is not there yet, so a restart changes nothing.
 *
 * <p>Right after the first administrator (FirstStart, priority 5) and before the start-up work of the other
 * beans; the scheduled jobs resume only after it (JobsAfterStartup).
 */
@ApplicationScoped
class DemoLoader {

    private final DemoMode demo;
    private final OrgDemoData org;
    private final PeopleDemoData people;
    private final IdentityDemoData identity;
    private final PointsDemoData points;
    private final MemberFileDemoData memberFiles;
    private final StudyDemoData study;
    private final QuizDemoData quizzes;
    private final LeaderboardDemoData leaderboards;
    private final LectureDemoData lectures;
    private final SessionsDemoData sessions;
    private final MinutesDemoData minutes;
    private final ComplianceDemoData compliance;
    private final ContestDemoData contest;
    private final LecturerDemoData lecturers;
    private final OrgLifeDemoData orgLife;
    private final IntegrityDemoData integrity;
    private final CalendarDemoData calendar;
    private final AnnualDemoData annual;
    private final SecondBranchDemoData secondBranch;
    private final RetentionDemoData retention;
    private final NoticesDemoData notices;
    private final ExportsDemoData exports;

    DemoLoader(DemoMode demo, OrgDemoData org, PeopleDemoData people, IdentityDemoData identity,
            PointsDemoData points, MemberFileDemoData memberFiles, StudyDemoData study, QuizDemoData quizzes,
            LeaderboardDemoData leaderboards, LectureDemoData lectures, SessionsDemoData sessions,
            MinutesDemoData minutes, ComplianceDemoData compliance, ContestDemoData contest,
            LecturerDemoData lecturers, OrgLifeDemoData orgLife, IntegrityDemoData integrity,
            CalendarDemoData calendar, AnnualDemoData annual, SecondBranchDemoData secondBranch,
            RetentionDemoData retention, NoticesDemoData notices, ExportsDemoData exports) {
        this.demo = demo;
        this.org = org;
        this.people = people;
        this.identity = identity;
        this.points = points;
        this.memberFiles = memberFiles;
        this.study = study;
        this.quizzes = quizzes;
        this.leaderboards = leaderboards;
        this.lectures = lectures;
        this.sessions = sessions;
        this.minutes = minutes;
        this.compliance = compliance;
        this.contest = contest;
        this.lecturers = lecturers;
        this.orgLife = orgLife;
        this.integrity = integrity;
        this.calendar = calendar;
        this.annual = annual;
        this.secondBranch = secondBranch;
        this.retention = retention;
        this.notices = notices;
        this.exports = exports;
    }

    void load(@Observes @Priority(10) StartupEvent event) {
        if (!demo.on()) {
            return;
        }
        org.load();
        people.load();
        identity.load();
        points.load();
        memberFiles.load();
        study.load();
        quizzes.load();
        secondBranch.load();
        leaderboards.load();
        lectures.load();
        sessions.load();
        minutes.load();
        compliance.load();
        contest.load();
        lecturers.load();
        orgLife.load();
        integrity.load();
        calendar.load();
        annual.load();
        notices.load();
        retention.load();
        exports.load();
    }
}
