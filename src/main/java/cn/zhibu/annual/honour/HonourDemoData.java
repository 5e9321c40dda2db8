package cn.zhibu.annual.honour;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's honours (全区先进基层党组织 of last year, 五星基层党组织 of this
 * year) and two of its people's (a municipal and a district one). Added once; needs the demo branch and its people
 * (OrgDemoData, PeopleDemoData) first.
 */
@ApplicationScoped
public class HonourDemoData {

    private static final Logger LOG = Logger.getLogger(HonourDemoData.class);

    private final EntityManager em;
    private final BusinessCalendar calendar;

    HonourDemoData(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty()) {
            return;
        }
        UUID branch = found.get();
        if (((Number) em.createNativeQuery("select count(*) from honour where unit_id = :unit")
                .setParameter("unit", branch).getSingleResult()).intValue() > 0) {
            return;
        }
        int year = calendar.today().getYear();
        add(branch, null, "全区先进基层党组织", HonourLevel.DISTRICT, year - 1, "中共示范区委",
                "https://www.example.gov.cn/zzb/tzgg/" + (year - 1) + "/advanced.html", "区委“两优一先”表彰");
        add(branch, null, "五星基层党组织", HonourLevel.DISTRICT, year, "中共示范区委组织部", null, "星级评定");
        List<UUID> people = em.createNativeQuery("select id from person where external_id in ('DEMO-1002', "
                + "'DEMO-1005') order by external_id").getResultList();
        if (people.size() == 2) {
            add(null, people.get(0), "全市优秀共产党员", HonourLevel.MUNICIPAL, year - 1, "中共示范市委", null, null);
            add(null, people.get(1), "全区优秀党务工作者", HonourLevel.DISTRICT, year - 1, "中共示范区委", null, null);
        }
        LOG.info("Demo data: the demo branch's honours and two of its people's");
    }

    private void add(UUID unit, UUID person, String title, HonourLevel level, int year, String awardedBy,
            String evidence, String note) {
        Instant now = calendar.now();
        em.createNativeQuery("insert into honour (id, " + (unit != null ? "unit_id" : "person_id") + ", title, level, "
                + "year, awarded_by, evidence_url, note, version, created_by, created_at, updated_at) values (:id, "
                + ":holder, :title, :level, :year, :by, :evidence, :note, 0, 'system:demo', :now, :now)")
                .setParameter("id", UUID.randomUUID()).setParameter("holder", unit != null ? unit : person)
                .setParameter("title", title).setParameter("level", level.name()).setParameter("year", year)
                .setParameter("by", awardedBy).setParameter("evidence", evidence).setParameter("note", note)
                .setParameter("now", now).executeUpdate();
    }
}
