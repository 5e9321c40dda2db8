package cn.zhibu.demo;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.org.OrgUnitService;
import cn.zhibu.org.OrgUnitViews;
import cn.zhibu.org.people.Gender;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.org.people.PersonViews;
import cn.zhibu.org.people.PoliticalStatus;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): a second branch of the demo department, 离退休干部党支部, with six members
 * and a fortnight of check-ins. It keeps the default board visibility (each member sees their own standing, the
 * department's units board shows the branch), beside the demo branch that chose to publish named boards; and a
 * member who left it four years ago, whom the retention purge erases (已离开成员). Added once, after the department's
 * scoring rules.
 */
@ApplicationScoped
class SecondBranchDemoData {

    private static final Logger LOG = Logger.getLogger(SecondBranchDemoData.class);

    static final String BRANCH = "示范区委组织部离退休干部党支部";
    private static final String[] NAMES = {"郑国华", "孙秀兰", "马德胜", "朱玉梅", "胡振东", "郭淑珍"};

    private final OrgUnitService units;
    private final PersonService people;
    private final PointsLedger ledger;
    private final BusinessCalendar calendar;

    SecondBranchDemoData(OrgUnitService units, PersonService people, PointsLedger ledger, BusinessCalendar calendar) {
        this.units = units;
        this.people = people;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    @Transactional
    void load() {
        Optional<OrgUnit> department = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.COMMITTEE, "示范区委组织部")
                .firstResultOptional();
        if (department.isEmpty() || OrgUnit.count("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, BRANCH) > 0) {
            return;
        }
        UUID branch = units.create(new OrgUnitViews.Create(OrgUnitKind.BRANCH, BRANCH, "离退休党支部",
                department.get().id, 1)).id();
        LocalDate today = calendar.today();
        int credits = 0;
        for (int i = 0; i < NAMES.length; i++) {
            UUID person = people.create(new PersonViews.Create("DEMO-" + (2001 + i), NAMES[i],
                    i % 2 == 0 ? Gender.MALE : Gender.FEMALE, LocalDate.of(1950 + i * 2, 3 + i, 10 + i),
                    PoliticalStatus.FULL, LocalDate.of(1975 + i, 7, 1), "退休干部", false,
                    String.format("1390013%04d", 2001 + i), branch, List.of(), LocalDate.of(2024, 1, 1)), false).id();
            // member i studies on every (i + 1)th day of the last fortnight: a spread of week totals
            for (int day = 1; day <= 14; day += i + 1) {
                LocalDate date = today.minusDays(day);
                ledger.creditOrRecordZero(new PointsLedger.Credit(person, branch, ActivityType.CHECK_IN, "DEMO",
                        "second-branch:" + person + ":" + date, date, null, null, "system:demo"));
                credits++;
            }
        }
        // a member who left four years ago: the retention purge erases their contact details and name
        UUID left = people.create(new PersonViews.Create("DEMO-2099", "韩立新", Gender.MALE, LocalDate.of(1948, 5, 20),
                PoliticalStatus.FULL, LocalDate.of(1972, 7, 1), "退休干部", false, "13900132099", branch, List.of(),
                today.minusYears(6)), false).id();
        people.leave(left, IfMatch.parse("\"0\""), today.minusYears(4), false);
        LOG.infof("Demo data: a second branch, %s, with %d members and %d check-in credits; it keeps the default "
                + "board visibility (each member sees their own standing); DEMO-2099 left it four years ago",
                BRANCH, NAMES.length, credits);
    }
}
