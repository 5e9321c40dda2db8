package cn.zhibu.integrity;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.NoticeRows;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices of integrity files: a declaration's next reviewers hear that it waits (DECLARATION_WAITING), and officers
 * get a weekly count of overdue files (INTEGRITY_OVERDUE); neither ever says whose, or what.
 */
@QuarkusTest
class IntegrityNoticesTest {

    static final String WAITING = "DECLARATION_WAITING";
    static final String PATH = "/v1/integrity-declarations/";

    @Inject
    TestClock clock;

    @Inject
    IntegrityOverdueDigest digest;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static UUID id(Member member) {
        return UUID.fromString(member.personId());
    }

    @Test
    void aDeclarationsNextReviewersHearThatItWaitsAndNothingOfIt() {
        clock.set(TestTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String branch = IntegrityFixtures.branch();
        String cadreName = "干部" + UUID.randomUUID().toString().substring(0, 4);
        Member cadre = StudyFixtures.member(branch);
        Sql.execute("update person set name = ?1 where id = ?2", cadreName, cadre.personId());
        StudyFixtures.grant(cadre, Roles.SECRETARY, branch); // a cadre who is a secretary too: never their own
        String file = IntegrityFixtures.file(branch, cadre.personId());
        Member head = IntegrityFixtures.personWithRole(branch, Roles.SECRETARY, branch);
        StudyFixtures.grant(head, Roles.INTEGRITY_OFFICER, branch); // approves for the unit: not the officer too
        Member relative = IntegrityFixtures.personWithRole(branch, Roles.SECRETARY, branch);
        StudyFixtures.grant(relative, Roles.INTEGRITY_OFFICER, branch);
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(relative.personId()));
        Member officer = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        String otherBranch = IntegrityFixtures.branch();
        Member elsewhere = IntegrityFixtures.personWithRole(otherBranch, Roles.SECRETARY, otherBranch);
        StudyFixtures.grant(elsewhere, Roles.INTEGRITY_OFFICER, otherBranch);

        Instant submitted = TestTime.now();
        String declaration = IntegrityFixtures.declare(cadre);
        String unitStage = "declaration:" + declaration + ":AWAITING_UNIT";
        assertEquals(Set.of(id(head)), NoticeRows.recipients(WAITING, unitStage),
                "the unit's heads, not the cadre, a relative or anyone elsewhere");
        NoticeRows.Row row = NoticeRows.of(WAITING, unitStage).get(0);
        assertEquals(submitted, row.dueAt());
        assertEquals(Map.of("state", "待单位审核", "time", submitted.toString()), row.fields());
        assertEquals(PATH + declaration, row.link());

        // an officer may not decide the unit's stage: refused, nothing raised
        clock.advance(Duration.ofMinutes(5));
        problem(IntegrityFixtures.officer(branch).body(Map.of("decision", "APPROVE"))
                .post(PATH + declaration + "/review").then(), 403, "INTEGRITY_REVIEW_NOT_YOURS");
        assertEquals(0, NoticeRows.count(WAITING, "declaration:" + declaration + ":AWAITING_OFFICER"));

        Instant approved = TestTime.now();
        head.api().body(Map.of("decision", "APPROVE")).post(PATH + declaration + "/review").then().statusCode(200);
        String officerStage = "declaration:" + declaration + ":AWAITING_OFFICER";
        Set<UUID> officers = new HashSet<>(officersOf(branch));
        officers.remove(id(head));
        officers.remove(id(relative));
        assertTrue(officers.contains(id(officer)));
        assertEquals(officers, NoticeRows.recipients(WAITING, officerStage));
        NoticeRows.of(WAITING, officerStage).forEach(r -> {
            assertEquals(approved, r.dueAt());
            assertEquals(Map.of("state", "待纪检委员审核", "time", submitted.toString()), r.fields());
        });
        // the unit head (an officer too) may not also accept it: refused, nothing more raised
        problem(head.api().body(Map.of("decision", "APPROVE")).post(PATH + declaration + "/review").then(), 403,
                "INTEGRITY_REVIEW_NOT_YOURS");
        assertEquals(officers.size(), NoticeRows.count(WAITING, officerStage));
        assertEquals(1, NoticeRows.count(WAITING, unitStage));
        // never the cadre's name nor anything declared
        assertEquals(0, Sql.count("select count(*) from notification where subject like ?1 and (cast(fields as text) "
                + "like ?2 or cast(fields as text) like '%月饼%' or fields ->> 'person' is not null)",
                "declaration:" + declaration + "%", "%" + cadreName + "%"));
    }

    static List<UUID> officersOf(String branch) {
        return QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("select distinct "
                        + "a.person_id from role_grant g join account a on a.id = g.account_id where g.role = "
                        + "'INTEGRITY_OFFICER' and g.revoked_at is null and g.org_unit_id = ?1 and a.person_id is "
                        + "not null", UUID.class).setParameter(1, UUID.fromString(branch)).getResultList());
    }

    @Test
    void officersGetAWeeklyCountOfOverdueFilesInTheirUnits() {
        clock.set(TestTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        LocalDate today = TestTime.today();
        String committee = cn.zhibu.testing.OrgFixtures.unit("COMMITTEE", null);
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", committee);
        String quiet = cn.zhibu.testing.OrgFixtures.unit("BRANCH", committee);
        Member officer = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        Member above = IntegrityFixtures.personWithRole(quiet, Roles.INTEGRITY_OFFICER, committee);
        Member relative = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        Member idle = IntegrityFixtures.personWithRole(quiet, Roles.INTEGRITY_OFFICER, quiet);
        Member secretary = IntegrityFixtures.personWithRole(branch, Roles.SECRETARY, branch);

        String late = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String later = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch)); // nothing overdue
        IntegrityFixtures.file(quiet, IntegrityFixtures.cadre(quiet)); // nothing overdue
        IntegrityFixtures.append(branch, later, IntegrityFixtures.family(relative.personId()));
        for (String file : List.of(late, later)) {
            Sql.execute("update integrity_file set next_review_due = ?1 where id = ?2", today.minusDays(3), file);
        }
        // the officer's own file is overdue too: it is not theirs to count
        IntegrityFixtures.file(branch, officer.personId());
        Sql.execute("update integrity_file set next_review_due = ?1 where person_id = ?2", today.minusDays(1),
                officer.personId());

        Instant now = TestTime.now();
        long audited = IntegrityFixtures.lastAuditId();
        Map<UUID, Notice> notices = collect(now);
        assertEquals(List.of("SYSTEM LIST_OVERDUE ALLOWED"), IntegrityFixtures.auditRowsAfter(audited).stream()
                .map(r -> r.actorKind() + " " + r.action() + " " + r.outcome()).toList(), "the read is audited");
        String week = IsoWeek.of(today).toString();
        assertCount(notices, officer, 2, week, now);
        assertCount(notices, above, 3, week, now);
        assertCount(notices, relative, 2, week, now); // their relative's file is left out, the officer's counted
        assertFalse(notices.containsKey(id(idle)), "nothing overdue in their unit");
        assertFalse(notices.containsKey(id(secretary)), "not an integrity officer");

        // later in the week: the same subjects, one notice per officer
        clock.advance(Duration.ofDays(1).plusHours(1));
        Instant tomorrow = TestTime.now();
        if (IsoWeek.of(TestTime.today()).equals(IsoWeek.of(today))) {
            assertEquals(notices.get(id(officer)).subject(), collect(tomorrow).get(id(officer)).subject());
        }
    }

    Map<UUID, Notice> collect(Instant now) {
        List<Notice> notices = QuarkusTransaction.requiringNew().call(() -> digest.collect(now));
        notices.forEach(n -> assertEquals(1, n.recipients().size()));
        assertEquals(notices.size(), notices.stream().map(n -> n.recipients().iterator().next()).distinct().count(),
                "one notice per officer");
        return notices.stream().collect(Collectors.toMap(n -> n.recipients().iterator().next(), n -> n));
    }

    static void assertCount(Map<UUID, Notice> notices, Member officer, int count, String week, Instant now) {
        Notice notice = notices.get(id(officer));
        assertTrue(notice != null, "a notice for the officer");
        assertEquals("INTEGRITY_OVERDUE", notice.kind().name());
        assertEquals("integrity-overdue:" + officer.personId() + ":" + week, notice.subject());
        assertEquals(now, notice.dueAt());
        assertEquals(Map.of("count", Integer.toString(count)), notice.fields());
    }
}
