package cn.zhibu.clients;

import static cn.zhibu.clients.GeneratedJavaClient.demoPerson;
import static cn.zhibu.clients.GeneratedJavaClient.header;
import static cn.zhibu.clients.GeneratedJavaClient.problem;
import static cn.zhibu.clients.GeneratedJavaClient.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import cn.zhibu.client.ApiClient;
import cn.zhibu.client.ApiException;
import cn.zhibu.client.ApiResponse;
import cn.zhibu.client.api.CheckInsApi;
import cn.zhibu.client.api.IdentityApi;
import cn.zhibu.client.api.LeaderboardsApi;
import cn.zhibu.client.api.PartyDaysApi;
import cn.zhibu.client.api.PointsApi;
import cn.zhibu.client.api.QuizzesApi;
import cn.zhibu.client.model.CalendarFeedCreate;
import cn.zhibu.client.model.CalendarFeedCreated;
import cn.zhibu.client.model.CalendarFeedScope;
import cn.zhibu.client.model.CheckInCreate;
import cn.zhibu.client.model.CheckInReceipt;
import cn.zhibu.client.model.Me;
import cn.zhibu.client.model.MemberFile;
import cn.zhibu.client.model.MyStanding;
import cn.zhibu.client.model.PartyDay;
import cn.zhibu.client.model.PartyDayPage;
import cn.zhibu.client.model.PeopleBoard;
import cn.zhibu.client.model.PeopleBoardRow;
import cn.zhibu.client.model.Quiz;
import cn.zhibu.client.model.QuizAnswer;
import cn.zhibu.client.model.QuizAttempt;
import cn.zhibu.client.model.QuizSubmission;
import cn.zhibu.client.model.StudyMaterial;
import cn.zhibu.client.model.StudyMaterialPage;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A member's day through the Java client generated from the committed contract (library native, Jackson), against
 * the running service with its demo data: no hand-written HTTP. Each step is what an integrator's code does.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class JavaClientWalkTest {

    /** The service's calendar: today as the service (and its demo data) sees it, on the test clock. */
    @jakarta.inject.Inject
    cn.zhibu.platform.time.BusinessCalendar calendar;

    @Test
    void aMemberStudiesAndReadsTheBoards() throws Exception {
        ApiClient member = demoPerson("DEMO-1021");
        Me me = new IdentityApi(member).getMe();
        assertNotNull(me.getPersonId(), "a person signed in");

        // study materials: a page, one material with its ETag, then 304 for If-None-Match
        CheckInsApi study = new CheckInsApi(member);
        StudyMaterialPage materials = study.listStudyMaterials(null, null, 20);
        assertFalse(materials.getItems().isEmpty(), "the branch's open materials");
        StudyMaterial material = materials.getItems().get(0);
        ApiResponse<StudyMaterial> read = study.getStudyMaterialWithHttpInfo(material.getId(), null);
        assertEquals(material.getTitle(), read.getData().getTitle());
        String etag = header(read.getHeaders(), "ETag");
        assertNotNull(etag, "single resources send an ETag");
        assertEquals(304, refused(() -> study.getStudyMaterial(material.getId(), etag)).getCode(),
                "If-None-Match with the current ETag: 304 Not Modified");
        assertEquals(material.getId(), study.openStudyMaterial(material.getId()).getMaterialId());

        // my standing this week, then the branch's people board of last week (the demo's check-ins go up to
        // yesterday) a page at a time
        LeaderboardsApi boards = new LeaderboardsApi(member);
        MyStanding standing = boards.getMyStanding(null, null, null);
        UUID branchId = standing.getUnitId();
        assertNotNull(branchId, "my branch");
        assertTrue(standing.getIsoWeek().matches("\\d{4}-W\\d{2}"), standing.getIsoWeek());
        LocalDate aWeekAgo = calendar.today().minusWeeks(1);
        String lastWeek = String.format("%d-W%02d", aWeekAgo.get(IsoFields.WEEK_BASED_YEAR),
                aWeekAgo.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        PeopleBoard page = boards.getPeopleBoard(branchId, lastWeek, null, null, 5);
        assertEquals(lastWeek, page.getIsoWeek());
        assertEquals(5, page.getItems().size(), "thirty people, five a page");
        assertNotNull(page.getNextCursor(), "more pages");
        PeopleBoard next = boards.getPeopleBoard(branchId, lastWeek, page.getNextCursor(), null, 5);
        assertFalse(next.getItems().isEmpty());
        long lastRankOfFirst = page.getItems().get(4).getRank();
        assertTrue(next.getItems().get(0).getRank() >= lastRankOfFirst, "the next page goes on down the board");
        Set<UUID> seen = new HashSet<>();
        for (PeopleBoardRow row : page.getItems()) {
            seen.add(row.getPersonId());
        }
        for (PeopleBoardRow row : next.getItems()) {
            assertTrue(row.getPersonId() == null || seen.add(row.getPersonId()), "no one twice");
        }

        // the board as CSV for Excel
        File csv = boards.exportPeopleBoard(branchId, lastWeek);
        String text = Files.readString(csv.toPath(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark for Excel");
        List<String> lines = text.substring(1).lines().toList();
        assertEquals("名次,姓名,积分", lines.get(0));
        assertEquals(page.getParticipants().longValue(), lines.size() - 1, "every participant, one a line");

        // the member file of the year
        MemberFile file = new PointsApi(member).getMemberFile(me.getPersonId(), null, null, null);
        assertEquals(me.getPersonId(), file.getPersonId());
        assertEquals(calendar.today().getYear(), file.getYear());
        assertNotNull(file.getTotal());

        // a refused call by id: a board of a unit that does not exist
        ApiException unknown = refused(() -> boards.getPeopleBoard(UUID.randomUUID(), null, null, null, null));
        assertEquals("NOT_FOUND", problem(member, unknown, 404).getCode());
    }

    @Test
    void aMemberChecksInOnceWithAnIdempotencyKey() throws Exception {
        // Not on the demo: the demo's check-ins end yesterday (StudyDemoDataTest holds to that on the same demo
        // service), so this member is a test fixture of a branch of its own, with a token from the test helpers.
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        StudyFixtures.Member person = StudyFixtures.member(branch);
        ApiClient member = GeneratedJavaClient.bearer(TestAccounts.token(UUID.fromString(person.accountId())));
        CheckInsApi study = new CheckInsApi(member);

        // a check-in with an Idempotency-Key, replayed with the same key and body
        String key = UUID.randomUUID().toString();
        CheckInCreate checkIn = new CheckInCreate().note("学习党章第一章");
        ApiResponse<CheckInReceipt> first = study.createCheckInWithHttpInfo(key, checkIn);
        assertEquals(201, first.getStatusCode());
        UUID checkInId = first.getData().getCheckIn().getId();
        assertNotNull(checkInId);
        assertEquals(UUID.fromString(person.personId()), first.getData().getCheckIn().getPersonId());
        ApiResponse<CheckInReceipt> replay = study.createCheckInWithHttpInfo(key, checkIn);
        assertEquals(201, replay.getStatusCode());
        assertEquals(checkInId, replay.getData().getCheckIn().getId(), "the first answer, replayed");
        assertEquals("true", header(replay.getHeaders(), "Idempotent-Replayed"));
        assertEquals(checkInId, study.getCheckIn(checkInId).getId());

        // a refused call: the same key with another body, read as problem details with a stable code
        ApiException reused = refused(() -> study.createCheckIn(key, new CheckInCreate().note("另一次学习")));
        assertEquals("IDEMPOTENCY_KEY_REUSED", problem(member, reused, 422).getCode());
    }

    @Test
    void aMemberTakesTheQuiz() throws Exception {
        ApiClient member = demoPerson("DEMO-1022");
        QuizzesApi quizzes = new QuizzesApi(member);
        List<Quiz> open = quizzes.listQuizzes(null, null, null).getItems();
        assertFalse(open.isEmpty(), "the demo's quiz");
        Quiz quiz = open.get(0);
        QuizAttempt attempt = quizzes.startQuizAttempt(quiz.getId(), UUID.randomUUID().toString());
        assertEquals(quiz.getId(), attempt.getQuizId());
        assertFalse(attempt.getQuestions().isEmpty(), "the questions, without answers");
        assertNull(attempt.getResult(), "no result before the submission");
        QuizSubmission submission = new QuizSubmission();
        attempt.getQuestions().forEach(q -> submission.addAnswersItem(
                new QuizAnswer().questionId(q.getQuestionId()).keys(List.of(q.getOptions().get(0).getKey()))));
        String key = UUID.randomUUID().toString();
        QuizAttempt scored = quizzes.submitQuizAttempt(attempt.getId(), key, submission);
        assertNotNull(scored.getResult(), "the score");
        assertEquals(attempt.getQuestions().size(), scored.getResult().getAnswers().size(), "answers shown now");
        assertTrue(scored.getResult().getScore() >= 0 && scored.getResult().getScore() <= scored.getResult().getTotal());
        QuizAttempt replayed = quizzes.submitQuizAttempt(attempt.getId(), key, submission);
        assertEquals(scored.getResult().getScore(), replayed.getResult().getScore(), "the submission, replayed");
    }

    @Test
    void aMemberReadsTheYearsPartyDays() throws Exception {
        ApiClient member = demoPerson("DEMO-1023");
        UUID branchId = new LeaderboardsApi(member).getMyStanding(null, null, null).getUnitId();
        LocalDate today = calendar.today();
        LocalDate from = today.withDayOfYear(1);
        LocalDate to = from.plusYears(1).minusDays(1);
        PartyDaysApi partyDays = new PartyDaysApi(member);
        PartyDayPage days = partyDays.listPartyDays(branchId, null, from, 100, to);
        assertFalse(days.getItems().isEmpty(), "this year's quarterly party days");
        int fromThisYearOn = partyDays.listPartyDays(branchId, null, from, 100, null).getItems().size();
        assertTrue(fromThisYearOn > days.getItems().size(), "next year's first party day is left out by `to`");
        for (PartyDay day : days.getItems()) {
            LocalDate on = day.getStartsAt().atZoneSameInstant(calendar.zone()).toLocalDate();
            assertTrue(!on.isBefore(from) && !on.isAfter(to), on + " in " + from + ".." + to);
            assertEquals(branchId, day.getBranchId());
        }
    }

    @Test
    void aMemberSubscribesToTheCalendarFeed() throws Exception {
        ApiClient member = demoPerson("DEMO-1024");
        PartyDaysApi partyDays = new PartyDaysApi(member);
        CalendarFeedCreated feed = partyDays.createCalendarFeed(new CalendarFeedCreate().scope(CalendarFeedScope.PERSON));
        assertNotNull(feed.getUrl(), "the feed's address for a calendar app");
        String last = feed.getUrl().substring(feed.getUrl().lastIndexOf('/') + 1);
        assertTrue(last.endsWith(".ics"), feed.getUrl());
        String token = last.substring(0, last.length() - ".ics".length());

        // text/calendar is `type: string, format: binary` in the contract: the client hands over the bytes as a file
        Object body = partyDays.getCalendarFeed(token, null);
        String ics = body instanceof File f ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : (String) body;
        ICalendar calendar = Biweekly.parse(ics).first();
        assertNotNull(calendar, "iCalendar text");
        assertFalse(calendar.getEvents().isEmpty(), "the member's party days");
    }
}
