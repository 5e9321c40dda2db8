package cn.zhibu.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): a fictional district organisation department with its
 * branch, three party groups and three departments. Loaded only into an empty tree.
 */
@ApplicationScoped
public class OrgDemoData {

    private static final Logger LOG = Logger.getLogger(OrgDemoData.class);

    /** The demo branch's name: the parts of the demo after this one find the branch by it. */
    public static final String BRANCH = "示范区委组织部机关党支部";

    private final OrgUnitService units;

    OrgDemoData(OrgUnitService units) {
        this.units = units;
    }

    @Transactional
    public void load() {
        if (OrgUnit.count() > 0) {
            return;
        }
        UUID department = add(OrgUnitKind.COMMITTEE, "示范区委组织部", "区委组织部", null, 0);
        UUID branch = add(OrgUnitKind.BRANCH, BRANCH, "机关党支部", department, 0);
        add(OrgUnitKind.PARTY_GROUP, "第一党小组", "一组", branch, 1);
        add(OrgUnitKind.PARTY_GROUP, "第二党小组", "二组", branch, 2);
        add(OrgUnitKind.PARTY_GROUP, "第三党小组", "三组", branch, 3);
        add(OrgUnitKind.DEPARTMENT, "组织科", "组织科", branch, 11);
        add(OrgUnitKind.DEPARTMENT, "干部科", "干部科", branch, 12);
        add(OrgUnitKind.DEPARTMENT, "办公室", "办公室", branch, 13);
        LOG.info("Demo data: the organisation tree of a fictional district organisation department added (8 units)");
    }

    /** The demo branch, if the demo tree is there (one query, in the caller's transaction). */
    public static Optional<UUID> branch() {
        return OrgUnit.<OrgUnit>find("kind = ?1 and name = ?2", OrgUnitKind.BRANCH, BRANCH).firstResultOptional()
                .map(unit -> unit.id);
    }

    private UUID add(OrgUnitKind kind, String name, String shortName, UUID parent, int order) {
        return units.create(new OrgUnitViews.Create(kind, name, shortName, parent, order)).id();
    }
}
