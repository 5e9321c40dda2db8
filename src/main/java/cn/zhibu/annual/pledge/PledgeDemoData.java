package cn.zhibu.annual.pledge;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's pledge of this year (《争做一名新时代的优秀组工干部的倡议书》,
 * six standards), signed by most of its members in January, and last year's, signed by all, with their year-end
 * reviews: most members assessed, most of those commented by the secretary. Added once; needs the demo branch and
 * its people (OrgDemoData, PeopleDemoData) first.
 */
@ApplicationScoped
public class PledgeDemoData {

    private static final Logger LOG = Logger.getLogger(PledgeDemoData.class);
    private static final String BY = "system:demo";
    static final String TITLE = "争做一名新时代的优秀组工干部的倡议书";
    static final String TEXT = "为深入学习贯彻习近平新时代中国特色社会主义思想，全面落实新时代党的组织路线，"
            + "努力建设模范部门和过硬队伍，我们向全体组工干部倡议，争做一名新时代的优秀组工干部：";
    static final List<String> STANDARDS = List.of(
            "坚定理想信念，做到对党忠诚，始终在思想上政治上行动上同党中央保持高度一致",
            "坚持学习不懈，做到本领过硬，每年完成规定学时，积极参加“一学一测”",
            "坚持公道正派，做到选人用人风清气正，不搞任人唯亲、不搞团团伙伙",
            "坚持严守纪律，做到保守秘密，严格执行组织人事工作纪律",
            "坚持清正廉洁，做到干净干事，自觉落实中央八项规定及其实施细则精神",
            "坚持为民服务，做到作风扎实，热情接待来访党员和群众");

    private final EntityManager em;
    private final BusinessCalendar calendar;

    PledgeDemoData(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        List<Object[]> found = em.createNativeQuery("select id, path from org_unit where kind = 'BRANCH' "
                + "and name = :name").setParameter("name", OrgDemoData.BRANCH).getResultList();
        if (found.isEmpty()) {
            return;
        }
        UUID branch = (UUID) found.get(0)[0];
        if (((Number) em.createNativeQuery("select count(*) from pledge where unit_id = :unit")
                .setParameter("unit", branch).getSingleResult()).intValue() > 0) {
            return;
        }
        List<UUID> members = em.createNativeQuery("select x.person_id from (" + PledgeAccess.MEMBERS + ") x "
                + "join person p on p.id = x.person_id order by p.external_id, p.id")
                .setParameter("path", found.get(0)[1]).getResultList();
        if (members.isEmpty()) {
            return;
        }
        int year = calendar.today().getYear();
        UUID last = pledge(branch, year - 1);
        UUID now = pledge(branch, year);
        for (int i = 0; i < members.size(); i++) {
            UUID person = members.get(i);
            sign(last, person, LocalDate.of(year - 1, 1, 10 + i % 15));
            if (i % 7 != 6) {
                sign(now, person, LocalDate.of(year, 1, 10 + i % 15));
            }
            if (i % 5 != 4) {
                review(last, person, i, i % 3 != 2);
            }
        }
        LOG.infof("Demo data: the demo branch's pledges of %d and %d, signed, and last year's reviews", year - 1,
                year);
    }

    private UUID pledge(UUID branch, int year) {
        UUID id = UUID.randomUUID();
        Instant at = at(LocalDate.of(year, 1, 5));
        em.createNativeQuery("insert into pledge (id, unit_id, year, title, text, standards, version, created_by, "
                + "created_at, updated_at) values (:id, :unit, :year, :title, :text, cast(:standards as "
                + "varchar(500)[]), 0, :by, :at, :at)").setParameter("id", id).setParameter("unit", branch)
                .setParameter("year", year).setParameter("title", TITLE).setParameter("text", TEXT)
                .setParameter("standards", PledgeService.arrayLiteral(STANDARDS)).setParameter("by", BY)
                .setParameter("at", at).executeUpdate();
        return id;
    }

    /** The person signs the pledge as it stands, on that day (each signature bumps the pledge's version). */
    private void sign(UUID pledge, UUID person, LocalDate on) {
        em.createNativeQuery("insert into pledge_signature (pledge_id, person_id, title, text, standards, sha256, "
                + "signed_at) select p.id, :person, p.title, p.text, p.standards, :hash, :at from pledge p "
                + "where p.id = :pledge").setParameter("person", person)
                .setParameter("hash", SignedText.sha256(pledge, person, TITLE, TEXT, STANDARDS))
                .setParameter("at", at(on)).setParameter("pledge", pledge).executeUpdate();
        em.createNativeQuery("update pledge set version = version + 1 where id = :id").setParameter("id", pledge)
                .executeUpdate();
    }

    /** A self-assessment of every standard in December, and with {@code commented} the secretary's comment. */
    private void review(UUID pledge, UUID person, int i, boolean commented) {
        int year = calendar.today().getYear() - 1;
        em.createNativeQuery("insert into pledge_review (pledge_id, person_id, assessed_at, version) values "
                + "(:pledge, :person, :assessed, 0)").setParameter("pledge", pledge).setParameter("person", person)
                .setParameter("assessed", at(LocalDate.of(year, 12, 10 + i % 10))).executeUpdate();
        if (commented) {
            em.createNativeQuery("update pledge_review set comment = :comment, commented_by = :by, commented_at = :at, "
                    + "version = 1 where pledge_id = :pledge and person_id = :person")
                    .setParameter("comment", i % 4 == 0 ? "践诺情况好，学习和工作表现突出。" : "认真践行承诺，各项标准落实到位。")
                    .setParameter("by", BY).setParameter("at", at(LocalDate.of(year, 12, 28)))
                    .setParameter("pledge", pledge).setParameter("person", person).executeUpdate();
        }
        String[] grades = {"KEPT", "KEPT", "PARTLY"};
        for (int s = 1; s <= STANDARDS.size(); s++) {
            em.createNativeQuery("insert into pledge_assessment (pledge_id, person_id, standard, text, grade) "
                    + "values (:pledge, :person, :standard, :text, :grade)").setParameter("pledge", pledge)
                    .setParameter("person", person).setParameter("standard", s)
                    .setParameter("text", s == 2 && i % 3 == 1 ? "学时已完成，“一学一测”偶有缺漏，来年加强。"
                            : "对照第" + s + "条，全年认真践行，未发现违反情形。")
                    .setParameter("grade", s == 2 ? grades[i % 3] : "KEPT").executeUpdate();
        }
    }

    private Instant at(LocalDate day) {
        return day.atTime(9, 30).atZone(calendar.zone()).toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
