package cn.zhibu.study.checkin;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.calendar.CalendarDayService;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.study.MaterialKind;
import cn.zhibu.study.StudyMaterial;
import cn.zhibu.study.StudyMaterialService;
import cn.zhibu.study.StudyMaterialViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): study materials of the demo branch and four weeks of its people's
 * check-ins up to yesterday (the same every time: a seeded random), each credited in the ledger on its
 * day, with one flagged check-in and one pending make-up for the secretary to review. Added only when the
 * branch has no materials yet; today is left for the people themselves.
 */
@ApplicationScoped
public class StudyDemoData {

    private static final Logger LOG = Logger.getLogger(StudyDemoData.class);
    private static final String DEMO = "system:demo";
    private static final long SEED = 20_260_101L;
    private static final int DAYS = 28;

    private record Material(MaterialKind kind, String title, String summary, String url, List<String> tags,
            int minStudySeconds) {
    }

    private static final List<Material> MATERIALS = List.of(
            new Material(MaterialKind.ARTICLE, "深入学习贯彻党的二十届三中全会精神",
                    "全会《决定》的主要内容和重大举措解读。", "https://www.12371.cn/special/20jszqh/jd/", List.of("理论", "全会"),
                    600),
            new Material(MaterialKind.VIDEO, "党史学习教育专题片《伟大征程》第一集",
                    "从建党到新中国成立的重要历史节点。", "https://www.12371.cn/special/dsxxjy/wdzc/01/", List.of("党史", "视频"),
                    900),
            new Material(MaterialKind.COURSE, "《中国共产党纪律处分条例》逐章解读",
                    "六项纪律逐条讲解，配典型案例。", "https://www.ccdi.gov.cn/special/jlcftl/", List.of("纪律", "条例"), 1200),
            new Material(MaterialKind.LINK, "学习《习近平谈治国理政》第五卷",
                    "第一专题原文在线阅读。", "https://www.xuexi.cn/zhiguolizheng5/", List.of("理论"), 300),
            new Material(MaterialKind.ARTICLE, "中央八项规定精神学习教育应知应会",
                    "八项规定及其实施细则精神的要点问答。", "https://www.12371.cn/special/bxgdxxjy/yzyh/", List.of("作风", "问答"),
                    300),
            new Material(MaterialKind.VIDEO, "微型党课示范：讲好身边的榜样故事",
                    "即将开放：机关党支部微型党课示范课例。", "https://www.12371.cn/special/wxdk/sfkl/", List.of("党课"), 600));

    private static final String[] NOTES = {"学习党章第一章“党员”", "研读《求是》最新一期评论员文章",
        "学习《中国共产党纪律处分条例》第二编", "收看“学习强国”每日新闻", "学习二十届三中全会公报", "阅读《习近平谈治国理政》第五卷一篇"};

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CalendarDayService days;
    private final StudyMaterialService materials;
    private final CheckInService checkIns;
    private final MakeUpService makeUps;
    private final CheckInSettings settings;

    StudyDemoData(EntityManager em, BusinessCalendar calendar, CalendarDayService days,
            StudyMaterialService materials, CheckInService checkIns, MakeUpService makeUps, CheckInSettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.days = days;
        this.materials = materials;
        this.checkIns = checkIns;
        this.makeUps = makeUps;
        this.settings = settings;
    }

    @Transactional
    public void load() {
        Optional<OrgUnit> found = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, "示范区委组织部机关党支部")
                .firstResultOptional();
        if (found.isEmpty() || StudyMaterial.count("unitId", found.get().id) > 0) {
            return;
        }
        long started = System.nanoTime();
        UUID branch = found.get().id;
        List<UUID> people = em.createQuery("select p.id from Person p, Membership m where m.personId = p.id and "
                + "m.orgUnitId = :branch and m.branch = true and m.endDate is null and p.active = true "
                + "and p.externalId like 'DEMO-%' order by p.externalId", UUID.class)
                .setParameter("branch", branch).getResultList();
        LocalDate today = calendar.today();
        ZoneId zone = calendar.zone();
        List<UUID> open = new ArrayList<>();
        for (int i = 0; i < MATERIALS.size(); i++) {
            Material m = MATERIALS.get(i);
            boolean upcoming = i == MATERIALS.size() - 1;
            Instant from = (upcoming ? today.plusDays(3) : today.minusDays(DAYS + 7 - i)).atTime(8, 0).atZone(zone)
                    .toInstant();
            StudyMaterialViews.View made = materials.create(new StudyMaterialViews.Create(branch, m.kind(), m.title(),
                    m.summary(), m.url(), m.tags(), m.minStudySeconds(), from, null, null), DEMO);
            if (!upcoming) {
                open.add(made.id());
            }
        }
        if (people.isEmpty()) {
            return;
        }
        // kept free for the two things to review: a flagged check-in yesterday, a make-up of a missed day
        UUID flaggedPerson = people.get(people.size() / 3);
        UUID makeUpPerson = people.get(people.size() / 2);
        LocalDate missed = today.minusDays(2);
        Set<String> taken = new HashSet<>(List.of(key(flaggedPerson, today.minusDays(1), open.get(0)),
                key(makeUpPerson, missed, null)));
        Set<LocalDate> workdays = new HashSet<>();
        for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
            if (days.isWorkday(day)) {
                workdays.add(day);
            }
        }
        Random random = new Random(SEED);
        int made = 0;
        for (UUID person : people) {
            double diligence = 0.05 + 0.65 * random.nextDouble();
            for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
                if (random.nextDouble() >= (workdays.contains(day) ? diligence : diligence * 0.2)) {
                    continue;
                }
                int count = random.nextDouble() < 0.1 ? 2 : 1;
                for (int n = 0; n < count; n++) {
                    UUID material = random.nextDouble() < 0.6 ? open.get(random.nextInt(open.size())) : null;
                    String note = material == null ? NOTES[random.nextInt(NOTES.length)] : null;
                    Instant at = day.atTime(7 + random.nextInt(15), random.nextInt(60)).atZone(zone).toInstant();
                    if (taken.add(key(person, day, material))) {
                        checkIns.recordPlanned(person, branch, material, day, note, at, DEMO);
                        made++;
                    }
                }
            }
            em.flush();
            em.clear(); // keeps each person's flush short
        }
        checkIns.recordFlagged(flaggedPerson, branch, open.get(0), today.minusDays(1), FlagReason.BELOW_MINIMUM_TIME,
                today.minusDays(1).atTime(21, 5).atZone(zone).toInstant(), DEMO);
        boolean makeUp = settings.makeUpDays() >= 2 && settings.makeUpsPerMonth() >= 1;
        if (makeUp) {
            makeUps.request(makeUpPerson, branch, new CheckInViews.MakeUpCreate(missed, null, "当天参加区委组织部集中培训，未能打卡",
                    "学习《中国共产党组织工作条例》"), DEMO);
        }
        LOG.infof("Demo data: %d study materials of the demo branch, %d check-ins of %d people over %d days, a flagged "
                + "check-in%s, in %d ms", MATERIALS.size(), made, people.size(), DAYS,
                makeUp ? " and a pending make-up" : "", (System.nanoTime() - started) / 1_000_000);
    }

    private static String key(UUID person, LocalDate day, UUID material) {
        return person + "|" + day + "|" + material;
    }
}
