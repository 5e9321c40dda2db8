package cn.zhibu.org.people;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): 30 fictional people of every political status in the demo
 * branch, spread over its party groups and departments. Loaded only when there are no demo people yet.
 */
@ApplicationScoped
public class PeopleDemoData {

    private static final Logger LOG = Logger.getLogger(PeopleDemoData.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "海燕", "晓明", "丽华", "俊杰", "婷婷", "文博", "静"};

    private final PersonService people;

    PeopleDemoData(PersonService people) {
        this.people = people;
    }

    @Transactional
    public void load() {
        if (Person.count("externalId like 'DEMO-%'") > 0) {
            return;
        }
        Optional<OrgUnit> branch = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, OrgDemoData.BRANCH)
                .firstResultOptional();
        if (branch.isEmpty()) {
            return;
        }
        List<OrgUnit> groups = OrgUnit.list("parentId = ?1 and kind = ?2 order by sortOrder", branch.get().id,
                OrgUnitKind.PARTY_GROUP);
        List<OrgUnit> departments = OrgUnit.list("parentId = ?1 and kind = ?2 order by sortOrder", branch.get().id,
                OrgUnitKind.DEPARTMENT);
        PoliticalStatus[] statuses = {PoliticalStatus.FULL, PoliticalStatus.FULL, PoliticalStatus.FULL,
            PoliticalStatus.PROBATIONARY, PoliticalStatus.ACTIVIST, PoliticalStatus.NON_MEMBER};
        for (int i = 0; i < 30; i++) {
            PoliticalStatus status = statuses[i % statuses.length];
            LocalDate born = LocalDate.of(1965 + (i * 7) % 35, 1 + i % 12, 1 + (i * 11) % 28);
            LocalDate joined = status.isPartyMember()
                    ? (status == PoliticalStatus.PROBATIONARY ? LocalDate.of(2026, 1 + i % 10, 1)
                            : born.plusYears(22 + i % 9).withMonth(1 + (i * 5) % 12).withDayOfMonth(1 + i % 28))
                    : null;
            people.create(new PersonViews.Create("DEMO-" + (1001 + i), SURNAMES[i % 10] + GIVEN[(i * 3) % 10],
                    i % 2 == 0 ? Gender.MALE : Gender.FEMALE, born, status, joined, i < 3 ? "副部长" : "科员",
                    i < 3, String.format("1380013%04d", 1001 + i), branch.get().id,
                    List.of(groups.get(i % groups.size()).id, departments.get(i % departments.size()).id),
                    LocalDate.of(2024, 1, 1)), false);
        }
        LOG.info("Demo data: 30 people added to the demo branch");
    }
}
