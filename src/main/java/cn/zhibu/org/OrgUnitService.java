package cn.zhibu.org;

import cn.zhibu.platform.db.AdvisoryLocks;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation tree: create, rename, move (never under itself), archive. The tree lock keeps
 * paths whole: moves and archiving take it exclusively, creations shared, so no unit is created
 * under a path being rewritten or a parent being archived.
 */
@ApplicationScoped
public class OrgUnitService {

    private static final long TREE_LOCK = 0x6f72672d74726565L; // "org-tree"
    /** The deepest a unit may stand (a top unit is at depth 1); paths stay well inside their column. */
    static final int MAX_DEPTH = 16;

    private final EntityManager em;
    private final Clock clock;
    private final AdvisoryLocks locks;

    OrgUnitService(EntityManager em, Clock clock, AdvisoryLocks locks) {
        this.em = em;
        this.clock = clock;
        this.locks = locks;
    }

    @Transactional
    public OrgUnitViews.View create(OrgUnitViews.Create request) {
        lockTree(false);
        OrgUnit parent = request.parentId() == null ? null : parent(request.parentId());
        checkNesting(request.kind(), parent);
        checkDepth(parent == null ? 1 : depth(parent.path) + 1);
        checkNameFree(request.parentId(), request.name(), null);
        OrgUnit unit = new OrgUnit();
        unit.id = UUID.randomUUID();
        unit.kind = request.kind();
        unit.parentId = request.parentId();
        unit.path = (parent == null ? "/" : parent.path) + unit.id + "/";
        unit.name = request.name();
        unit.shortName = request.shortName();
        unit.sortOrder = request.sortOrder() == null ? 0 : request.sortOrder();
        unit.createdAt = clock.instant();
        unit.updatedAt = unit.createdAt;
        persistNamed(unit);
        return OrgUnitViews.View.of(unit);
    }

    /** A unit's materialised path ('/root/.../own/'), archived or not. */
    public Optional<String> path(UUID id) {
        return em.createQuery("select u.path from OrgUnit u where u.id = :id", String.class).setParameter("id", id)
                .getResultList().stream().findFirst();
    }

    public Optional<OrgUnitViews.View> find(UUID id) {
        return OrgUnit.<OrgUnit>findByIdOptional(id).map(OrgUnitViews.View::of);
    }

    @Transactional
    public OrgUnitViews.View change(UUID id, IfMatch precondition, OrgUnitViews.Change request) {
        OrgUnit unit = existing(id);
        precondition.check(unit.version);
        if (!unit.archived()) {
            checkNameFree(unit.parentId, request.name(), unit.id);
        }
        unit.name = request.name();
        unit.shortName = request.shortName();
        unit.sortOrder = request.sortOrder();
        unit.updatedAt = clock.instant();
        persistNamed(unit);
        return OrgUnitViews.View.of(unit);
    }

    /** Moves a unit and everything under it below another parent (or to the top). */
    @Transactional
    public OrgUnitViews.View move(UUID id, IfMatch precondition, UUID parentId) {
        lockTree(true);
        OrgUnit unit = existing(id);
        precondition.check(unit.version);
        if (unit.archived()) {
            throw new ProblemException(OrgProblem.ORG_UNIT_ARCHIVED, unit.name);
        }
        OrgUnit parent = parentId == null ? null : parent(parentId);
        if (parent != null && parent.within(unit)) {
            throw new ProblemException(OrgProblem.ORG_UNIT_CYCLE, unit.name, parent.name);
        }
        checkNesting(unit.kind, parent);
        if (!Objects.equals(parentId, unit.parentId) && unit.kind.children().isEmpty() && currentMembers(unit.id) > 0) {
            // a party group or department carries its members: they would end up outside their branch
            throw new ProblemException(OrgProblem.ORG_UNIT_NOT_EMPTY, unit.name);
        }
        Number deepest = (Number) em.createNativeQuery(
                "select coalesce(max(length(path) - length(replace(path, '/', ''))), 0) from org_unit where path like ?1")
                .setParameter(1, unit.path + "%").getSingleResult();
        checkDepth(deepest.intValue() - 1 - depth(unit.path) + (parent == null ? 1 : depth(parent.path) + 1));
        checkNameFree(parentId, unit.name, unit.id);
        String oldPath = unit.path;
        String newPath = (parent == null ? "/" : parent.path) + unit.id + "/";
        Instant now = clock.instant();
        em.createNativeQuery("""
                update org_unit set path = ?2 || substr(path, ?3), version = version + 1, updated_at = ?4
                where path like ?1 and id <> ?5""")
                .setParameter(1, oldPath + "%").setParameter(2, newPath).setParameter(3, oldPath.length() + 1)
                .setParameter(4, now).setParameter(5, unit.id)
                .executeUpdate();
        unit.parentId = parentId;
        unit.path = newPath;
        unit.updatedAt = now;
        unit.persistAndFlush();
        return OrgUnitViews.View.of(unit);
    }

    /** Archives a unit that holds no active unit and no current member; it stays for history and takes nothing new. */
    @Transactional
    public OrgUnitViews.View archive(UUID id, IfMatch precondition) {
        lockTree(true); // no unit may be created under it meanwhile
        OrgUnit unit = existing(id);
        precondition.check(unit.version);
        if (unit.archived()) {
            return OrgUnitViews.View.of(unit);
        }
        if (OrgUnit.count("parentId = ?1 and archivedAt is null", unit.id) > 0 || currentMembers(unit.id) > 0) {
            throw new ProblemException(OrgProblem.ORG_UNIT_NOT_EMPTY, unit.name);
        }
        unit.archivedAt = clock.instant();
        unit.updatedAt = unit.archivedAt;
        unit.persistAndFlush();
        return OrgUnitViews.View.of(unit);
    }

    /** The children of a unit (or the top units), by position, name and id. */
    public Page<OrgUnitViews.View> children(Optional<UUID> parentId, boolean includeArchived, PageRequest page) {
        StringBuilder query = new StringBuilder(parentId.isPresent() ? "parentId = :parent" : "parentId is null");
        Parameters parameters = new Parameters();
        parentId.ifPresent(p -> parameters.and("parent", p));
        if (!includeArchived) {
            query.append(" and archivedAt is null");
        }
        return byPosition(query, parameters, page);
    }

    /** These units (the tops of the parts of the tree a caller can see), by position and name. */
    public Page<OrgUnitViews.View> tops(java.util.Set<UUID> ids, boolean includeArchived, PageRequest page) {
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder query = new StringBuilder("id in :ids");
        Parameters parameters = Parameters.with("ids", ids);
        if (!includeArchived) {
            query.append(" and archivedAt is null");
        }
        return byPosition(query, parameters, page);
    }

    /** The units matching the query, by position, name and id, one page after the cursor's position. */
    private static Page<OrgUnitViews.View> byPosition(StringBuilder query, Parameters parameters, PageRequest page) {
        page.after().ifPresent(after -> {
            query.append(" and (sortOrder > :order or (sortOrder = :order and (name > :name"
                    + " or (name = :name and id > :id))))");
            parameters.and("order", Integer.parseInt(after.get(0))).and("name", after.get(1))
                    .and("id", UUID.fromString(after.get(2)));
        });
        List<OrgUnit> rows = OrgUnit.<OrgUnit>find(query + " order by sortOrder, name, id", parameters)
                .page(0, page.fetchSize()).list();
        return page.page(rows, u -> List.of(Integer.toString(u.sortOrder), u.name, u.id.toString()),
                OrgUnitViews.View::of);
    }

    /** Everything under a unit (not the unit itself), depth first. */
    public Page<OrgUnitViews.View> subtree(UUID rootId, boolean includeArchived, PageRequest page) {
        OrgUnit root = OrgUnit.<OrgUnit>findByIdOptional(rootId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "under", "an org unit"));
        StringBuilder query = new StringBuilder("path like :prefix and id <> :root");
        Parameters parameters = Parameters.with("prefix", root.path + "%").and("root", root.id);
        if (!includeArchived) {
            query.append(" and archivedAt is null");
        }
        page.after().ifPresent(after -> {
            query.append(" and path > :after");
            parameters.and("after", after.get(0));
        });
        List<OrgUnit> rows = OrgUnit.<OrgUnit>find(query + " order by path", parameters)
                .page(0, page.fetchSize()).list();
        return page.page(rows, u -> List.of(u.path), OrgUnitViews.View::of);
    }

    /**
     * Holds the tree steady for the rest of the transaction: no unit is moved or archived meanwhile.
     * Whoever adds members to units takes it, so no one joins a unit that is being archived.
     */
    public void holdTreeSteady() {
        lockTree(false);
    }

    /** How many people belong to the unit now (memberships are kept by the people capability). */
    private long currentMembers(UUID unitId) {
        return ((Number) em.createNativeQuery(
                "select count(*) from membership where org_unit_id = ?1 and end_date is null")
                .setParameter(1, unitId).getSingleResult()).longValue();
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new ProblemException(OrgProblem.ORG_UNIT_TOO_DEEP, MAX_DEPTH);
        }
    }

    /** Saves a unit; a sibling that took the same name meanwhile (caught by the unique index) is a 409. */
    private void persistNamed(OrgUnit unit) {
        try {
            unit.persistAndFlush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "org_unit_sibling_name".equals(violation.getConstraintName())) {
                throw new ProblemException(OrgProblem.ORG_UNIT_NAME_TAKEN, unit.name);
            }
            throw e;
        }
    }

    private OrgUnit existing(UUID id) {
        return OrgUnit.<OrgUnit>findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    private OrgUnit parent(UUID id) {
        OrgUnit parent = OrgUnit.<OrgUnit>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(OrgProblem.ORG_UNIT_PARENT_NOT_FOUND, id.toString()));
        if (parent.archived()) {
            throw new ProblemException(OrgProblem.ORG_UNIT_ARCHIVED, parent.name);
        }
        return parent;
    }

    private static void checkNesting(OrgUnitKind kind, OrgUnit parent) {
        boolean allowed = parent == null ? kind.mayBeRoot() : parent.kind.children().contains(kind);
        if (!allowed) {
            throw new ProblemException(OrgProblem.ORG_UNIT_NESTING_NOT_ALLOWED, kind.name(),
                    parent == null ? "-" : parent.kind.name());
        }
    }

    private static void checkNameFree(UUID parentId, String name, UUID self) {
        long taken = parentId == null
                ? OrgUnit.count("parentId is null and name = ?1 and archivedAt is null and id <> ?2", name,
                        self == null ? new UUID(0, 0) : self)
                : OrgUnit.count("parentId = ?1 and name = ?2 and archivedAt is null and id <> ?3", parentId, name,
                        self == null ? new UUID(0, 0) : self);
        if (taken > 0) {
            throw new ProblemException(OrgProblem.ORG_UNIT_NAME_TAKEN, name);
        }
    }

    /**
     * Shared: waits its turn. Exclusive (moves and archives): tries for a few seconds without joining
     * the lock's queue, then answers 409. Queued behind a long holder (a people import holds the tree
     * for its whole run), an exclusive request would make every later shared one wait behind it too,
     * stalling every change to people.
     */
    private void lockTree(boolean exclusive) {
        if (exclusive) {
            locks.tryLock(TREE_LOCK, java.time.Duration.ofSeconds(5),
                    () -> new ProblemException(OrgProblem.ORG_TREE_BUSY).header("Retry-After", 30));
        } else {
            locks.lockShared(TREE_LOCK);
        }
    }
}
