package cn.zhibu.testing;

import cn.zhibu.identity.tokens.AccessTokens;
import cn.zhibu.platform.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real accounts with real grants for tests, written straight to the database, and real access
 * tokens for them issued by the service's own token issuer (signed with its database key, tied to a
 * live session). The same name, roles and unit give the same account.
 */
public final class TestAccounts {

    private static final Set<UUID> MADE = ConcurrentHashMap.newKeySet();

    private TestAccounts() {
    }

    /** An account holding these roles: ORG_ADMIN everywhere, other roles on {@code unitId}. */
    public static UUID account(String name, UUID unitId, String... roles) {
        String[] sorted = roles.clone();
        Arrays.sort(sorted);
        UUID id = UUID.nameUUIDFromBytes(("test|" + name + "|" + unitId + "|" + String.join(",", sorted))
                .getBytes(StandardCharsets.UTF_8));
        if (MADE.contains(id)) {
            return id;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Instant now = TestTime.now();
            em.createNativeQuery("insert into account (id, username, active, version, created_at, updated_at) "
                    + "values (:id, :name, true, 0, :now, :now) on conflict do nothing")
                    .setParameter("id", id).setParameter("name", "t-" + id.toString().substring(0, 28))
                    .setParameter("now", now).executeUpdate();
            em.createNativeQuery("insert into refresh_family (id, account_id, created_at) values (:id, :id, :now) "
                    + "on conflict do nothing").setParameter("id", id).setParameter("now", now).executeUpdate();
            for (String role : sorted) {
                UUID unit = Roles.ORG_ADMIN.equals(role) && unitId == null ? null : unitId;
                if (unit == null && !Roles.ORG_ADMIN.equals(role)) {
                    continue; // a role on no unit: the caller is signed in but sees nothing
                }
                em.createNativeQuery("insert into role_grant (id, account_id, role, org_unit_id, granted_by, granted_at) "
                        + "values (:grant, :id, :role, :unit, 'test', :now) on conflict do nothing")
                        .setParameter("grant", UUID.nameUUIDFromBytes((id + role).getBytes(StandardCharsets.UTF_8)))
                        .setParameter("id", id).setParameter("role", role)
                        .setParameter("unit", unit).setParameter("now", now).executeUpdate();
            }
        });
        MADE.add(id);
        return id;
    }

    /** A token for an account made by the service (a person's): a session is opened for it first. */
    public static String tokenForExisting(UUID accountId) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("insert into refresh_family (id, account_id, created_at) values (:id, :id, :now) "
                        + "on conflict do nothing").setParameter("id", accountId).setParameter("now", TestTime.now())
                .executeUpdate());
        return token(accountId);
    }

    /** A fresh access token of the account's session. */
    public static String token(UUID accountId) {
        return Arc.container().instance(AccessTokens.class).get().forAccount(accountId, accountId);
    }
}
