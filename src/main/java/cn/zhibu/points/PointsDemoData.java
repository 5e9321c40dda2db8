package cn.zhibu.points;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo department's scoring rules from 1 January 2026
 * (demo data may start in the past; the API only makes versions from today on), and the demo
 * branch's own, more generous quiz rule. Added only when the department has no rules yet.
 */
@ApplicationScoped
public class PointsDemoData {

    private static final Logger LOG = Logger.getLogger(PointsDemoData.class);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private final BusinessCalendar calendar;

    PointsDemoData(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Transactional
    public void load() {
        Optional<OrgUnit> department = OrgUnit.find("kind = ?1 and name = ?2", OrgUnitKind.COMMITTEE, "示范区委组织部")
                .firstResultOptional();
        if (department.isEmpty() || ScoringRule.count("unitId", department.get().id) > 0) {
            return;
        }
        UUID unit = department.get().id;
        add(unit, ActivityType.CHECK_IN, 1, 2, 10, null);
        add(unit, ActivityType.QUIZ, 2, 2, null, null);
        add(unit, ActivityType.QUIZ_FULL_MARKS, 1, 1, null, null);
        add(unit, ActivityType.MAKE_UP_CHECK_IN, 1, null, 2, null);
        add(unit, ActivityType.LECTURE_DELIVERED, 5, null, null, null);
        add(unit, ActivityType.PARTY_DAY_ATTENDANCE, 2, null, null, null);
        add(unit, ActivityType.MANUAL_AWARD, 1, null, null, null);
        OrgUnit.<OrgUnit>find("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, "示范区委组织部机关党支部")
                .firstResultOptional().ifPresent(branch -> add(branch.id, ActivityType.QUIZ, 3, 3, null, null));
        LOG.info("Demo data: scoring rules of the demo department (and the branch's own quiz rule) from 2026-01-01");
    }

    private void add(UUID unit, ActivityType type, int points, Integer dailyCap, Integer weeklyCap,
            Integer maxCount) {
        ScoringRule rule = new ScoringRule();
        rule.id = UUID.randomUUID();
        rule.unitId = unit;
        rule.activityType = type;
        rule.version = 1;
        rule.effectiveFrom = FROM;
        rule.points = points;
        rule.dailyCap = dailyCap;
        rule.weeklyCap = weeklyCap;
        rule.maxCount = maxCount;
        rule.createdBy = "system:demo";
        rule.createdAt = calendar.now();
        rule.persist();
    }
}
