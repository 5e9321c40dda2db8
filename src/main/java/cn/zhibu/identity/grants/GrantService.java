package cn.zhibu.identity.grants;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Grants and revocations of roles; each records who did it and when, so the table is its own audit. */
@ApplicationScoped
public class GrantService {

    private static final long ADMIN_LOCK = 0x7a2d61646d696eL; // "z-admin": changes to global admins one at a time

    private final EntityManager em;
    private final BusinessCalendar calendar;

    GrantService(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    public GrantViews.View grant(UUID accountId, String role, UUID unitId, String grantedBy) {
        if (unitId == null && !Roles.ORG_ADMIN.equals(role)) {
            throw new ProblemException(IdentityProblem.GRANT_UNIT_REQUIRED, role);
        }
        if (em.createNativeQuery("select 1 from account where id = :id").setParameter("id", accountId)
                .getResultList().isEmpty()) {
            throw new ProblemException(IdentityProblem.GRANT_ACCOUNT_NOT_FOUND, accountId);
        }
        if (unitId == null) {
            lockAdmins();
        }
        String open = "accountId = :account and role = :role and revokedAt is null and "
                + (unitId == null ? "unitId is null" : "unitId = :unit");
        Parameters parameters = Parameters.with("account", accountId).and("role", role);
        if (unitId != null) {
            parameters.and("unit", unitId);
        }
        if (RoleGrant.count(open, parameters) > 0) {
            throw new ProblemException(IdentityProblem.GRANT_EXISTS);
        }
        RoleGrant grant = new RoleGrant();
        grant.id = UUID.randomUUID();
        grant.accountId = accountId;
        grant.role = role;
        grant.unitId = unitId;
        grant.grantedBy = grantedBy;
        grant.grantedAt = calendar.now();
        grant.persist();
        // an invitation issued before this grant was checked against fewer roles: it stops working
        em.createNativeQuery("update wechat_invitation set used_at = :now where used_at is null and person_id = "
                + "(select person_id from account where id = :account)")
                .setParameter("now", grant.grantedAt).setParameter("account", accountId).executeUpdate();
        try {
            RoleGrant.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ProblemException(IdentityProblem.GRANT_EXISTS); // granted at the same moment by someone else
        }
        return GrantViews.View.of(grant);
    }

    @Transactional
    public GrantViews.View revoke(UUID grantId, String revokedBy) {
        RoleGrant grant = RoleGrant.<RoleGrant>findByIdOptional(grantId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(cn.zhibu.platform.problem.ProblemCode.NOT_FOUND));
        if (grant.revokedAt != null) {
            throw new ProblemException(IdentityProblem.GRANT_ALREADY_REVOKED, grant.revokedAt);
        }
        if (grant.unitId == null) {
            lockAdmins();
            if (globalAdmins() <= 1) {
                throw new ProblemException(IdentityProblem.GRANT_LAST_ADMIN);
            }
        }
        grant.revokedAt = calendar.now();
        grant.revokedBy = revokedBy;
        return GrantViews.View.of(grant);
    }

    public Optional<GrantViews.View> find(UUID grantId) {
        return RoleGrant.<RoleGrant>findByIdOptional(grantId).map(GrantViews.View::of);
    }

    /** Grants on a unit's subtree (or everywhere, for callers who see everything), newest first. */
    public Page<GrantViews.View> list(Optional<String> underPath, Optional<UUID> accountId, boolean includeRevoked,
            PageRequest page) {
        StringBuilder where = new StringBuilder("select g from RoleGrant g where 1 = 1");
        Parameters parameters = new Parameters();
        underPath.ifPresent(path -> {
            where.append(" and g.unitId in (select u.id from OrgUnit u where u.path like :prefix)");
            parameters.and("prefix", path + "%");
        });
        accountId.ifPresent(id -> {
            where.append(" and g.accountId = :account");
            parameters.and("account", id);
        });
        if (!includeRevoked) {
            where.append(" and g.revokedAt is null");
        }
        page.after().ifPresent(after -> {
            where.append(" and (g.grantedAt < :at or (g.grantedAt = :at and g.id < :id))");
            parameters.and("at", Instant.parse(after.get(0))).and("id", UUID.fromString(after.get(1)));
        });
        List<RoleGrant> rows = RoleGrant.<RoleGrant>find(where + " order by g.grantedAt desc, g.id desc", parameters)
                .page(0, page.fetchSize()).list();
        return page.page(rows, g -> List.of(g.grantedAt.toString(), g.id.toString()), GrantViews.View::of);
    }

    public long globalAdmins() {
        return RoleGrant.count("role = ?1 and unitId is null and revokedAt is null", Roles.ORG_ADMIN);
    }

    private void lockAdmins() {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", ADMIN_LOCK).getSingleResult();
    }
}
