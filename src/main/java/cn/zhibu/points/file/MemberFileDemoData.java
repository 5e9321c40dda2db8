package cn.zhibu.points.file;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.org.people.Person;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.ScoringRule;
import cn.zhibu.points.imports.ImportLine;
import cn.zhibu.points.imports.ImportedRecord;
import cn.zhibu.points.imports.LineErrors;
import cn.zhibu.points.imports.PointsImportService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}) for member files: the demo department's EXTERNAL_IMPORT rule (1
 * January 2025 on, 20 points a week at most), the demo branch's own rating bands (优秀 ≥ 40, 良好 ≥ 20,
 * 合格 ≥ 0), and points five demo people earned on another study platform, imported over the last weeks.
 * Each part is added only when it is not there yet, so a restart changes nothing.
 */
@ApplicationScoped
public class MemberFileDemoData {

    private static final Logger LOG = Logger.getLogger(MemberFileDemoData.class);
    static final String RECORDS = "demo-xxqg-";

    private final PointsImportService imports;
    private final BusinessCalendar calendar;

    MemberFileDemoData(PointsImportService imports, BusinessCalendar calendar) {
        this.imports = imports;
        this.calendar = calendar;
    }

    public void load() {
        // the rule is committed before the import, whose records are credited in transactions of their own
        if (QuarkusTransaction.requiringNew().call(this::ruleAndBands)) {
            importPoints();
        }
    }

    /** The rule and the rating bands, unless there; whether the points are still to be imported. */
    private boolean ruleAndBands() {
        Optional<OrgUnit> department = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.COMMITTEE, "示范区委组织部")
                .firstResultOptional();
        Optional<OrgUnit> branch = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, "示范区委组织部机关党支部")
                .firstResultOptional();
        if (department.isEmpty() || branch.isEmpty()) {
            return false;
        }
        if (ScoringRule.count("unitId = ?1 and activityType = ?2", department.get().id, ActivityType.EXTERNAL_IMPORT)
                == 0) {
            externalImportRule(department.get().id);
        }
        if (RatingBandSet.count("unitId", branch.get().id) == 0) {
            RatingBandSet set = new RatingBandSet();
            set.id = UUID.randomUUID();
            set.unitId = branch.get().id;
            set.bands.addAll(List.of(new RatingBandSet.Band("优秀", 40), new RatingBandSet.Band("良好", 20),
                    new RatingBandSet.Band("合格", 0)));
            set.updatedBy = "system:demo";
            set.createdAt = calendar.now();
            set.updatedAt = set.createdAt;
            set.persist();
            LOG.info("Demo data: rating bands of the demo branch");
        }
        return ImportedRecord.count("externalId like ?1", RECORDS + "%") == 0
                && Person.count("externalId in ?1", List.of("DEMO-1001", "DEMO-1002", "DEMO-1003", "DEMO-1004",
                        "DEMO-1005")) == 5;
    }

    private void externalImportRule(UUID department) {
        ScoringRule rule = new ScoringRule();
        rule.id = UUID.randomUUID();
        rule.unitId = department;
        rule.activityType = ActivityType.EXTERNAL_IMPORT;
        rule.version = 1;
        rule.effectiveFrom = LocalDate.of(2025, 1, 1);
        rule.points = 1;
        rule.weeklyCap = 20;
        rule.createdBy = "system:demo";
        rule.createdAt = calendar.now();
        rule.persist();
        LOG.info("Demo data: the demo department's EXTERNAL_IMPORT rule");
    }

    /** Three monthly records each for DEMO-1001 to DEMO-1005, dated back from today. */
    private void importPoints() {
        LocalDate today = calendar.today();
        List<ImportLine> lines = new ArrayList<>();
        for (int person = 1001; person <= 1005; person++) {
            for (int month = 0; month < 3; month++) {
                lines.add(new ImportLine(lines.size() + 1, RECORDS + person + "-" + (month + 1), null, "DEMO-" + person,
                        3 + (person + month) % 6, today.minusDays(7 + 30L * month), "学习强国月度积分（演示）"));
            }
        }
        PointsImportService.Outcome outcome = imports.run(lines, new LineErrors(), false,
                PointsImportService.Permit.EVERYWHERE, "system:demo");
        if (outcome.errors().isEmpty()) {
            LOG.infof("Demo data: %d records of points earned elsewhere imported", outcome.result().credited());
        } else {
            LOG.warnf("Demo data: points earned elsewhere were not imported: %s", outcome.errors().byLine());
        }
    }
}
