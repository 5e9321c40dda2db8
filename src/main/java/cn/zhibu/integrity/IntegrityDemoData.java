package cn.zhibu.integrity;

import cn.zhibu.integrity.audit.AuditAction;
import cn.zhibu.integrity.audit.IntegrityAudit;
import cn.zhibu.integrity.declaration.DeclarationService;
import cn.zhibu.integrity.entry.Entry;
import cn.zhibu.integrity.entry.EntryContent;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the integrity files of the demo branch's three leading cadres
 * (DEMO-1001 to DEMO-1003, opened on their appointment), with entries of every type, an opinion reply, a
 * relative who is recused, one file whose review and annual report are overdue, and a gift declaration waiting
 * for review. All fictional. Added once.
 */
@ApplicationScoped
public class IntegrityDemoData {

    private static final Logger LOG = Logger.getLogger(IntegrityDemoData.class);

    private final EntityManager em;
    private final IntegrityFileService files;
    private final IntegrityAudit audit;
    private final BusinessCalendar calendar;
    private final DeclarationService declarations;

    IntegrityDemoData(EntityManager em, IntegrityFileService files, IntegrityAudit audit, BusinessCalendar calendar,
            DeclarationService declarations) {
        this.em = em;
        this.files = files;
        this.audit = audit;
        this.calendar = calendar;
        this.declarations = declarations;
    }

    @Transactional
    @ActivateRequestContext
    public void load() {
        UUID secretary = person("DEMO-1001");
        UUID officer = person("DEMO-1002");
        UUID admin = person("DEMO-1003");
        UUID spouse = person("DEMO-1010");
        if (secretary == null || officer == null || admin == null || spouse == null
                || Entry.count("fileId in (select f.id from IntegrityFile f where f.personId = ?1)", secretary) > 0) {
            return;
        }
        int lastYear = calendar.today().getYear() - 1;
        LocalDate today = calendar.today();

        java.util.Map<UUID, String> names = files.names(List.of(secretary, officer, admin));
        IntegrityFile first = file(secretary);
        append(first, new EntryContent.Profile(null, names.get(secretary), "110105196501010011",
                LocalDate.of(1965, 1, 1),
                "示范区委组织部副部长", "一级调研员", LocalDate.of(2024, 1, 1), "研究生", "示范区幸福路1号"));
        append(first, new EntryContent.Family(null, List.of(
                new EntryContent.Relative(EntryContent.Relation.SPOUSE, "周婷婷", null, LocalDate.of(1968, 3, 8),
                        "示范区教育局", "科员", "无", spouse),
                new EntryContent.Relative(EntryContent.Relation.CHILD, "王晓", null, LocalDate.of(1994, 6, 1),
                        "某科技有限公司", "工程师", "无经商办企业情况", null))));
        append(first, new EntryContent.PersonalMatters(null, lastYear, null,
                List.of(new EntryContent.Housing("示范区幸福路1号2单元301室", new BigDecimal("98.50"), "购买商品房",
                        "本人、配偶共有")),
                List.of(new EntryContent.Investment(EntryContent.InvestmentKind.FUND, "某货币市场基金",
                        new BigDecimal("50000.00"), "配偶")),
                List.of(), List.of(new EntryContent.Travel("新加坡", LocalDate.of(lastYear, 8, 1),
                        LocalDate.of(lastYear, 8, 6), "探亲")),
                List.of(new EntryContent.Passport("E12345678", true)), "无"));
        append(first, new EntryContent.Gift(null, "某施工企业负责人", LocalDate.of(lastYear, 9, 20), "办公室", "茶叶两盒",
                new BigDecimal("800.00"), EntryContent.GiftHandling.HANDED_IN, LocalDate.of(lastYear, 9, 21),
                "当日登记，次日上交机关纪委"));
        append(first, new EntryContent.Talk(null, EntryContent.TalkKind.REMINDER, LocalDate.of(lastYear, 11, 5),
                "示范区纪委第一监督检查室", "提醒注意节日期间廉洁自律，严格执行中央八项规定精神。", "表示接受提醒，将严格要求自己和家属。"));
        append(first, new EntryContent.ConductReview(null, LocalDate.of(lastYear, 1, 1), LocalDate.of(lastYear, 12, 31),
                EntryContent.Assessment.GOOD, "工作作风扎实，群众评价较好。", "示范区纪委"));
        Entry request = append(first, new EntryContent.OpinionRequest(null, EntryContent.OpinionFor.PROMOTION,
                "示范区委组织部干部科", today.minusDays(20), "拟提任部长，按“凡提四必”要求征求廉政意见。"));
        append(first, new EntryContent.OpinionReply(null, request.id, EntryContent.Conclusion.NO_ISSUES_FOUND,
                "经查阅廉政档案、信访举报和执纪问责记录，未发现该同志有违反廉洁纪律的问题。", today.minusDays(12)));

        IntegrityFile second = file(officer);
        append(second, new EntryContent.Profile(null, names.get(officer), "110105197202020022",
                LocalDate.of(1972, 2, 2),
                "示范区委组织部副部长（兼机关纪委书记）", "二级调研员", LocalDate.of(2024, 1, 1), "大学", null));
        append(second, new EntryContent.PersonalMatters(null, lastYear, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), "无"));

        IntegrityFile third = file(admin);
        append(third, new EntryContent.Profile(null, names.get(admin), "110105197903030033",
                LocalDate.of(1979, 3, 3),
                "示范区委组织部副部长", "三级调研员", LocalDate.of(2024, 1, 1), "研究生", null));
        append(third, new EntryContent.Talk(null, EntryContent.TalkKind.LETTER_INQUIRY, LocalDate.of(lastYear, 4, 10),
                "示范区纪委", "就群众反映其亲属承揽工程问题进行函询。", "书面说明：亲属未承揽辖区工程，已提供相关材料。"));
        append(third, new EntryContent.Discipline(null, EntryContent.DisciplineForm.FIRST, null, null,
                "在干部档案专项审核中把关不严。", "《中国共产党问责条例》第七条", "示组问〔" + lastYear + "〕3号",
                LocalDate.of(lastYear, 6, 18), "示范区委组织部"));
        // its conduct review is overdue: the last one was more than a year ago
        third.nextReviewDue = today.minusDays(15);
        third.lastReviewedOn = third.nextReviewDue.minusMonths(third.reviewMonths);
        // and a gift DEMO-1003 declared, waiting for the branch secretary (DEMO-1001), then the officer (DEMO-1002)
        List<?> account = em.createNativeQuery("select id from account where person_id = ?1").setParameter(1, admin)
                .getResultList();
        if (!account.isEmpty()) {
            audit.system(AuditAction.SUBMIT_DECLARATION); // the demo declares it for them: the service's own row
            declarations.submit(admin, (UUID) account.get(0), new EntryContent.Gift(null, "某培训机构", today.minusDays(3),
                    "会议间隙", "购物卡一张", new BigDecimal("1000.00"), EntryContent.GiftHandling.HANDED_IN,
                    today.minusDays(2), "当即婉拒未果，次日上交机关纪委"), Locale.CHINA);
        }
        LOG.info("Demo data: integrity files of DEMO-1001 to DEMO-1003 (DEMO-1003's review and report overdue, a "
                + "gift declaration of DEMO-1003 waiting for review)");
    }

    private UUID person(String externalId) {
        List<?> found = em.createNativeQuery("select id from person where external_id = ?1")
                .setParameter(1, externalId).getResultList();
        return found.isEmpty() ? null : (UUID) found.get(0);
    }

    /** The cadre's file, opened on their appointment when they were added (or now). */
    private IntegrityFile file(UUID person) {
        IntegrityFile file = IntegrityFile.find("personId", person).firstResult();
        if (file == null) {
            UUID unit = (UUID) em.createNativeQuery("select org_unit_id from membership where person_id = ?1 and "
                    + "is_branch and end_date is null").setParameter(1, person).getSingleResult();
            file = files.openOnAppointment(person, unit, LocalDate.of(2024, 1, 1)).orElseThrow();
        }
        return files.locked(file.id);
    }

    private Entry append(IntegrityFile file, EntryContent content) {
        Entry entry = files.append(file, content, null, null, null, null);
        audit.record(AuditAction.APPEND_ENTRY, new IntegrityAudit.Subject(file.id, file.unitId, List.of(entry.id),
                null, null, null));
        return entry;
    }
}
