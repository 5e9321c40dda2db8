package cn.zhibu.privacy.mydata;

import static cn.zhibu.platform.db.Rows.bool;
import static cn.zhibu.platform.db.Rows.instant;
import static cn.zhibu.platform.db.Rows.integer;
import static cn.zhibu.platform.db.Rows.localDate;
import static cn.zhibu.platform.db.Rows.longValue;
import static cn.zhibu.platform.db.Rows.string;
import static cn.zhibu.platform.db.Rows.uuid;

import cn.zhibu.org.people.Person;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.privacy.mydata.MyDataViews.Account;
import cn.zhibu.privacy.mydata.MyDataViews.CheckIn;
import cn.zhibu.privacy.mydata.MyDataViews.Export;
import cn.zhibu.privacy.mydata.MyDataViews.LeaderboardPreference;
import cn.zhibu.privacy.mydata.MyDataViews.LedgerEntry;
import cn.zhibu.privacy.mydata.MyDataViews.MakeUp;
import cn.zhibu.privacy.mydata.MyDataViews.MaterialOpening;
import cn.zhibu.privacy.mydata.MyDataViews.Membership;
import cn.zhibu.privacy.mydata.MyDataViews.PointsImport;
import cn.zhibu.privacy.mydata.MyDataViews.PublishedPlace;
import cn.zhibu.privacy.mydata.MyDataViews.PublishedStanding;
import cn.zhibu.privacy.mydata.MyDataViews.QuizAnswer;
import cn.zhibu.privacy.mydata.MyDataViews.QuizAttempt;
import cn.zhibu.privacy.mydata.MyDataViews.Role;
import cn.zhibu.privacy.mydata.MyDataViews.SignInFailure;
import cn.zhibu.privacy.mydata.MyDataViews.SignInSession;
import cn.zhibu.privacy.mydata.MyDataViews.StudyLeader;
import cn.zhibu.privacy.mydata.MyDataViews.WeChatInvitation;
import cn.zhibu.privacy.mydata.MyDataViews.WeekScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The sections of a member's data about the person, their account, study, points and boards. */
@ApplicationScoped
class MyDataStudySections {

    private final MyDataQueries q;
    private final EntityManager em;
    private final PersonService people;

    MyDataStudySections(MyDataQueries q, EntityManager em, PersonService people) {
        this.q = q;
        this.em = em;
        this.people = people;
    }

    /** The person, the phone decrypted for its owner; null when there is no such person. */
    MyDataViews.Person person(UUID me) {
        Person p = em.find(Person.class, me);
        if (p == null) {
            return null;
        }
        return new MyDataViews.Person(p.id, p.externalId, p.name, p.gender.name(), p.birthDate, p.politicalStatus.name(),
                p.partyJoinDate, p.jobTitle, p.leadingCadre, people.phone(p), p.active, p.leftOn, p.createdAt,
                p.updatedAt);
    }

    List<Membership> memberships(UUID me) {
        return q.rows("select m.id as id, m.org_unit_id as unit_id, u.name as unit_name, m.is_branch as is_branch, "
                + "m.start_date as start_date, m.end_date as end_date from membership m join org_unit u on "
                + "u.id = m.org_unit_id where m.person_id = :me order by m.start_date, m.created_at, m.id", me,
                r -> new Membership(uuid(r, "id"), uuid(r, "unit_id"), string(r, "unit_name"), bool(r, "is_branch"),
                        localDate(r, "start_date"), localDate(r, "end_date")));
    }

    List<Account> accounts(UUID me) {
        return q.rows("select id as id, person_id as person_id, username as username, "
                + "password_hash is not null as password, password_one_time as one_time, "
                + "(wechat_openid is not null or wechat_unionid is not null) as wechat, active as active, "
                + "created_at as created_at, updated_at as updated_at from account where person_id = :me", me,
                r -> new Account(uuid(r, "id"), uuid(r, "person_id"), string(r, "username"), bool(r, "password"),
                        bool(r, "one_time"), bool(r, "wechat"), bool(r, "active"), instant(r, "created_at"),
                        instant(r, "updated_at")));
    }

    List<Role> roles(UUID me) {
        return q.rows("select g.id as id, g.account_id as account_id, g.role as role, g.org_unit_id as unit_id, "
                + "g.granted_at as granted_at, g.revoked_at as revoked_at from role_grant g join account a on "
                + "a.id = g.account_id where a.person_id = :me order by g.granted_at, g.id", me,
                r -> new Role(uuid(r, "id"), uuid(r, "account_id"), string(r, "role"), uuid(r, "unit_id"),
                        instant(r, "granted_at"), instant(r, "revoked_at")));
    }

    List<SignInSession> signInSessions(UUID me) {
        return q.rows("select f.id as id, f.account_id as account_id, f.created_at as created_at, "
                + "f.revoked_at as revoked_at, f.revoke_reason as reason from refresh_family f join account a on "
                + "a.id = f.account_id where a.person_id = :me order by f.created_at, f.id", me,
                r -> new SignInSession(uuid(r, "id"), uuid(r, "account_id"), instant(r, "created_at"),
                        instant(r, "revoked_at"), string(r, "reason")));
    }

    List<SignInFailure> signInFailures(UUID me) {
        return q.rows("select f.failures as failures, f.locked_until as locked_until, f.last_failure_at as last_at "
                + "from sign_in_failure f join account a on a.username = f.username where a.person_id = :me", me,
                r -> new SignInFailure(integer(r, "failures"), instant(r, "locked_until"), instant(r, "last_at")));
    }

    List<WeChatInvitation> wechatInvitations(UUID me) {
        return q.rows("select person_id as person_id, issued_at as issued_at, expires_at as expires_at, "
                + "used_at as used_at from wechat_invitation where person_id = :me order by issued_at", me,
                r -> new WeChatInvitation(uuid(r, "person_id"), instant(r, "issued_at"), instant(r, "expires_at"),
                        instant(r, "used_at")));
    }

    List<MaterialOpening> materialOpenings(UUID me) {
        return q.rows("select person_id as person_id, material_id as material_id, business_date as business_date, "
                + "opened_at as opened_at from material_opening where person_id = :me order by opened_at, "
                + "material_id", me, r -> new MaterialOpening(uuid(r, "person_id"), uuid(r, "material_id"),
                        localDate(r, "business_date"), instant(r, "opened_at")));
    }

    List<CheckIn> checkIns(UUID me) {
        return q.rows("select id as id, person_id as person_id, branch_id as branch_id, material_id as material_id, "
                + "business_date as business_date, note as note, study_seconds as study_seconds, status as status, "
                + "flag_reason as flag_reason, make_up_id as make_up_id, ledger_entry_id as ledger_entry_id, "
                + "review_reason as review_reason, created_at as created_at from check_in where person_id = :me "
                + "order by created_at, id", me,
                r -> new CheckIn(uuid(r, "id"), uuid(r, "person_id"), uuid(r, "branch_id"), uuid(r, "material_id"),
                        localDate(r, "business_date"), string(r, "note"), integer(r, "study_seconds"),
                        string(r, "status"), string(r, "flag_reason"), uuid(r, "make_up_id"),
                        uuid(r, "ledger_entry_id"), string(r, "review_reason"), instant(r, "created_at")));
    }

    List<MakeUp> makeUps(UUID me) {
        return q.rows("select id as id, person_id as person_id, branch_id as branch_id, material_id as material_id, "
                + "business_date as business_date, reason as reason, note as note, status as status, "
                + "decided_at as decided_at, decision_reason as decision_reason, created_at as created_at "
                + "from make_up where person_id = :me order by created_at, id", me,
                r -> new MakeUp(uuid(r, "id"), uuid(r, "person_id"), uuid(r, "branch_id"), uuid(r, "material_id"),
                        localDate(r, "business_date"), string(r, "reason"), string(r, "note"), string(r, "status"),
                        instant(r, "decided_at"), string(r, "decision_reason"), instant(r, "created_at")));
    }

    /** The attempts with their questions; an attempt not submitted keeps its correct keys and explanations. */
    List<QuizAttempt> quizAttempts(UUID me) {
        Map<UUID, List<QuizAnswer>> answers = q.rows("select q.attempt_id as attempt_id, q.position as position, "
                + "q.question_id as question_id, q.text as text, q.options as options, q.chosen_keys as chosen, "
                + "case when a.submitted_at is null then null else q.correct_keys end as correct_keys, "
                + "q.correct as correct, case when a.submitted_at is null then null else q.explanation end "
                + "as explanation from quiz_attempt_question q join quiz_attempt a on a.id = q.attempt_id "
                + "where a.person_id = :me order by q.attempt_id, q.position", me,
                r -> Map.entry(uuid(r, "attempt_id"), new QuizAnswer(integer(r, "position"), uuid(r, "question_id"),
                        string(r, "text"), MyDataQueries.texts(r, "options"), string(r, "chosen"),
                        string(r, "correct_keys"), bool(r, "correct"), string(r, "explanation"))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return q.rows("select a.id as id, a.person_id as person_id, a.quiz_id as quiz_id, z.title as title, "
                + "a.started_at as started_at, a.deadline as deadline, a.submitted_at as submitted_at, "
                + "a.score as score, a.practice as practice, a.points as points from quiz_attempt a join quiz z on "
                + "z.id = a.quiz_id where a.person_id = :me order by a.started_at, a.id", me,
                r -> new QuizAttempt(uuid(r, "id"), uuid(r, "person_id"), uuid(r, "quiz_id"), string(r, "title"),
                        instant(r, "started_at"), instant(r, "deadline"), instant(r, "submitted_at"),
                        integer(r, "score"), bool(r, "practice"), integer(r, "points"),
                        answers.getOrDefault(uuid(r, "id"), List.of())));
    }

    List<LedgerEntry> ledgerEntries(UUID me) {
        return q.rows("select id as id, person_id as person_id, activity_type as activity_type, points as points, "
                + "source_type as source_type, source_id as source_id, business_date as business_date, "
                + "reverses as reverses, reason as reason, created_at as created_at from ledger_entry "
                + "where person_id = :me order by created_at, id", me,
                r -> new LedgerEntry(uuid(r, "id"), uuid(r, "person_id"), string(r, "activity_type"),
                        integer(r, "points"), string(r, "source_type"), string(r, "source_id"),
                        localDate(r, "business_date"), uuid(r, "reverses"), string(r, "reason"),
                        instant(r, "created_at")));
    }

    List<PointsImport> pointsImports(UUID me) {
        return q.rows("select external_id as external_id, person_id as person_id, points as points, "
                + "credited as credited, business_date as business_date, entry_id as entry_id, "
                + "imported_at as imported_at from points_import_record where person_id = :me "
                + "order by imported_at, external_id", me,
                r -> new PointsImport(string(r, "external_id"), uuid(r, "person_id"), integer(r, "points"),
                        integer(r, "credited"), localDate(r, "business_date"), uuid(r, "entry_id"),
                        instant(r, "imported_at")));
    }

    List<WeekScore> weekScores(UUID me) {
        return q.rows("select iso_week as iso_week, person_id as person_id, points as points, entries as entries "
                + "from week_score where person_id = :me order by iso_week", me,
                r -> new WeekScore(string(r, "iso_week"), uuid(r, "person_id"), integer(r, "points"),
                        integer(r, "entries")));
    }

    List<PublishedPlace> publishedPlaces(UUID me) {
        return q.rows("select p.published_week_id as week_id, p.person_id as person_id, p.rank as rank, "
                + "p.points as points from published_person p join published_week w on w.id = p.published_week_id "
                + "where p.person_id = :me order by w.published_at, w.id", me,
                r -> new PublishedPlace(uuid(r, "week_id"), uuid(r, "person_id"), longValue(r, "rank"),
                        integer(r, "points")));
    }

    List<PublishedStanding> publishedStandings(UUID me) {
        return q.rows("select s.published_week_id as week_id, s.person_id as person_id, s.points as points, "
                + "s.entries as entries from published_standing s join published_week w on "
                + "w.id = s.published_week_id where s.person_id = :me order by w.published_at, w.id", me,
                r -> new PublishedStanding(uuid(r, "week_id"), uuid(r, "person_id"), integer(r, "points"),
                        integer(r, "entries")));
    }

    List<StudyLeader> studyLeaders(UUID me) {
        return q.rows("select id as id, person_id as person_id, published_week_id as week_id, "
                + "scope_unit_id as scope_unit_id, iso_week as iso_week, points as points, state as state, "
                + "created_at as created_at from study_leader where person_id = :me order by created_at, id", me,
                r -> new StudyLeader(uuid(r, "id"), uuid(r, "person_id"), uuid(r, "week_id"),
                        uuid(r, "scope_unit_id"), string(r, "iso_week"), integer(r, "points"), string(r, "state"),
                        instant(r, "created_at")));
    }

    List<LeaderboardPreference> leaderboardPreferences(UUID me) {
        return q.rows("select person_id as person_id, anonymous as anonymous, updated_at as updated_at "
                + "from leaderboard_preference where person_id = :me", me,
                r -> new LeaderboardPreference(uuid(r, "person_id"), bool(r, "anonymous"), instant(r, "updated_at")));
    }

    List<Export> exports(UUID me) {
        return q.rows("select id as id, person_id as person_id, exported_at as exported_at, row_count as row_count, "
                + "byte_count as byte_count from my_data_export where person_id = :me order by exported_at, id", me,
                r -> new Export(uuid(r, "id"), uuid(r, "person_id"), instant(r, "exported_at"),
                        integer(r, "row_count"), longValue(r, "byte_count")));
    }
}
