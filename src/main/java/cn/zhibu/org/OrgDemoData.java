package cn.zhibu.org;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): a fictional district organisation department with its
 * branch, three party groups and three departments. Loaded only into an empty tree.
 */
@ApplicationScoped
public class OrgDemoData {

    private static final Logger LOG = Logger.getLogger(OrgDemoData.class);

    private final OrgUnitService units;
    private final boolean enabled;

    OrgDemoData(OrgUnitService units, @ConfigProperty(name = "zhibu.demo", defaultValue = "false") boolean enabled) {
        this.units = units;
        this.enabled = enabled;
    }

    @Transactional
    void load(@Observes @Priority(10) StartupEvent event) {
        if (!enabled || OrgUnit.count() > 0) {
            return;
        }
        UUID department = add(OrgUnitKind.COMMITTEE, "示范区委组织部", "区委组织部", null, 0);
        UUID branch = add(OrgUnitKind.BRANCH, "示范区委组织部机关党支部", "机关党支部", department, 0);
        add(OrgUnitKind.PARTY_GROUP, "第一党小组", "一组", branch, 1);
        add(OrgUnitKind.PARTY_GROUP, "第二党小组", "二组", branch, 2);
        add(OrgUnitKind.PARTY_GROUP, "第三党小组", "三组", branch, 3);
        add(OrgUnitKind.DEPARTMENT, "组织科", "组织科", branch, 11);
        add(OrgUnitKind.DEPARTMENT, "干部科", "干部科", branch, 12);
        add(OrgUnitKind.DEPARTMENT, "办公室", "办公室", branch, 13);
        LOG.info("Demo data: the organisation tree of a fictional district organisation department added (8 units)");
    }

    private UUID add(OrgUnitKind kind, String name, String shortName, UUID parent, int order) {
        return units.create(new OrgUnitRequests.Create(kind, name, shortName, parent, order)).id();
    }
}
