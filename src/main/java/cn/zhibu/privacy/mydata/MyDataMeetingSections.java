package cn.zhibu.privacy.mydata;

import static cn.zhibu.platform.db.Rows.instant;
import static cn.zhibu.platform.db.Rows.integer;
import static cn.zhibu.platform.db.Rows.localDate;
import static cn.zhibu.platform.db.Rows.string;
import static cn.zhibu.platform.db.Rows.uuid;

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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The sections of a member's data about sessions, lectures and organisational life. */
@ApplicationScoped
class MyDataMeetingSections {

    private final MyDataQueries q;

    MyDataMeetingSections(MyDataQueries q) {
        this.q = q;
    }

    List<Attendance> attendance(UUID me) {
        return q.rows("select party_day_id as day, person_id as person_id, status as status, method as method, "
                + "reason as reason, recorded_at as recorded_at from attendance where person_id = :me "
                + "order by recorded_at, party_day_id", me,
                r -> new Attendance(uuid(r, "day"), uuid(r, "person_id"), string(r, "status"), string(r, "method"),
                        string(r, "reason"), instant(r, "recorded_at")));
    }

    List<SignInCodeUse> signInCodesUsed(UUID me) {
        return q.rows("select party_day_id as day, used_by as used_by, used_at as used_at from sign_in_code "
                + "where used_by = :me order by used_at, id", me,
                r -> new SignInCodeUse(uuid(r, "day"), uuid(r, "used_by"), instant(r, "used_at")));
    }

    List<SignInAttempt> signInAttempts(UUID me) {
        return q.rows("select party_day_id as day, person_id as person_id, wrong_codes as wrong_codes, "
                + "last_wrong_at as last_wrong_at from sign_in_attempt where person_id = :me "
                + "order by last_wrong_at, party_day_id", me,
                r -> new SignInAttempt(uuid(r, "day"), uuid(r, "person_id"), integer(r, "wrong_codes"),
                        instant(r, "last_wrong_at")));
    }

    List<Lecture> lectures(UUID me) {
        return q.rows("select id as id, party_day_id as day, speaker_id as speaker_id, slot as slot, "
                + "outcome as outcome, topic as topic, summary as summary, links as links, recorded_at as recorded_at "
                + "from micro_lecture where speaker_id = :me order by created_at, id", me,
                r -> new Lecture(uuid(r, "id"), uuid(r, "day"), uuid(r, "speaker_id"), integer(r, "slot"),
                        string(r, "outcome"), string(r, "topic"), string(r, "summary"),
                        MyDataQueries.texts(r, "links"), instant(r, "recorded_at")));
    }

    /** Swaps asked by or of the person; the message is the asker's, so shown only to them. */
    List<LectureSwap> lectureSwaps(UUID me) {
        return q.rows("select id as id, lecture_id as lecture_id, requested_by as requested_by, "
                + "colleague_id as colleague_id, case when requested_by = :me then message end as message, "
                + "state as state, created_at as created_at, decided_at as decided_at from lecture_swap "
                + "where requested_by = :me or colleague_id = :me order by created_at, id", me,
                r -> new LectureSwap(uuid(r, "id"), uuid(r, "lecture_id"), uuid(r, "requested_by"),
                        uuid(r, "colleague_id"), string(r, "message"), string(r, "state"), instant(r, "created_at"),
                        instant(r, "decided_at")));
    }

    List<LectureRating> lectureRatings(UUID me) {
        return q.rows("select lecture_id as lecture_id, person_id as person_id, score as score, "
                + "created_at as created_at from lecture_rating where person_id = :me order by created_at, "
                + "lecture_id", me, r -> new LectureRating(uuid(r, "lecture_id"), uuid(r, "person_id"),
                        integer(r, "score"), instant(r, "created_at")));
    }

    List<SpeakerAbsence> speakerAbsences(UUID me) {
        return q.rows("select id as id, person_id as person_id, branch_id as branch_id, kind as kind, "
                + "from_date as from_date, to_date as to_date, reason as reason, created_at as created_at "
                + "from speaker_absence where person_id = :me order by created_at, id", me,
                r -> new SpeakerAbsence(uuid(r, "id"), uuid(r, "person_id"), uuid(r, "branch_id"), string(r, "kind"),
                        localDate(r, "from_date"), localDate(r, "to_date"), string(r, "reason"),
                        instant(r, "created_at")));
    }

    List<CalendarFeed> calendarFeeds(UUID me) {
        return q.rows("select id as id, person_id as person_id, created_at as created_at, revoked_at as revoked_at "
                + "from calendar_feed where person_id = :me order by created_at, id", me,
                r -> new CalendarFeed(uuid(r, "id"), uuid(r, "person_id"), instant(r, "created_at"),
                        instant(r, "revoked_at")));
    }

    List<CommitteePost> committeePosts(UUID me) {
        return q.rows("select branch_id as branch_id, person_id as person_id, post as post, since as since "
                + "from branch_committee_member where person_id = :me order by since, branch_id", me,
                r -> new CommitteePost(uuid(r, "branch_id"), uuid(r, "person_id"), string(r, "post"),
                        localDate(r, "since")));
    }

    List<MinutesRole> minutesRoles(UUID me) {
        return q.rows("select party_day_id as day, host_id as host_id, recorder_id as recorder_id, "
                + "written_at as written_at, archived_at as archived_at from minutes "
                + "where host_id = :me or recorder_id = :me order by written_at, party_day_id", me,
                r -> new MinutesRole(uuid(r, "day"), uuid(r, "host_id"), uuid(r, "recorder_id"),
                        instant(r, "written_at"), instant(r, "archived_at")));
    }

    List<MinutesAddendum> minutesAddenda(UUID me) {
        return q.rows("select id as id, party_day_id as day, author_person_id as author, text as text, "
                + "created_at as created_at from minutes_addendum where author_person_id = :me "
                + "order by created_at, id", me,
                r -> new MinutesAddendum(uuid(r, "id"), uuid(r, "day"), uuid(r, "author"), string(r, "text"),
                        instant(r, "created_at")));
    }

    List<OrgLifeProblem> orgLifeProblems(UUID me) {
        return q.rows("select id as id, party_day_id as day, person_id as person_id, source as source, text as text, "
                + "created_at as created_at from org_life_problem where person_id = :me order by created_at, id", me,
                r -> new OrgLifeProblem(uuid(r, "id"), uuid(r, "day"), uuid(r, "person_id"), string(r, "source"),
                        string(r, "text"), instant(r, "created_at")));
    }

    List<Rectification> rectifications(UUID me) {
        return q.rows("select id as id, party_day_id as day, owner_id as owner_id, item as item, measures as measures, "
                + "due_on as due_on, state as state, evidence as evidence, closed_at as closed_at "
                + "from rectification where owner_id = :me order by created_at, id", me,
                r -> new Rectification(uuid(r, "id"), uuid(r, "day"), uuid(r, "owner_id"), string(r, "item"),
                        string(r, "measures"), localDate(r, "due_on"), string(r, "state"), string(r, "evidence"),
                        instant(r, "closed_at")));
    }

    List<PartyLecture> partyLectures(UUID me) {
        return q.rows("select id as id, party_day_id as day, person_id as person_id, topic as topic, "
                + "materials as materials from party_lecturer where person_id = :me order by created_at, id", me,
                r -> new PartyLecture(uuid(r, "id"), uuid(r, "day"), uuid(r, "person_id"), string(r, "topic"),
                        MyDataQueries.texts(r, "materials")));
    }
}
