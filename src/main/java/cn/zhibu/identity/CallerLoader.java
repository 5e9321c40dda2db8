package cn.zhibu.identity;

import cn.zhibu.identity.tokens.AccessTokens;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller behind a verified token from the database, on every request, so that disabled
 * accounts, signed-out sessions, revoked clients and revoked grants take effect at once on every
 * replica. Empty when the token's account, session or client no longer stands.
 */
@ApplicationScoped
public class CallerLoader {

    private final EntityManager em;

    CallerLoader(EntityManager em) {
        this.em = em;
    }

    public Optional<Caller> load(JsonWebToken token) {
        UUID subject;
        try {
            subject = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String clientId = token.getClaim(AccessTokens.CLIENT_ID);
        String session = token.getClaim(AccessTokens.SESSION);
        String scope = token.getClaim(AccessTokens.SCOPE);
        Object secretSet = token.getClaim(AccessTokens.CLIENT_SECRET_SET);
        long secretSetMillis = secretSet instanceof Number n ? n.longValue()
                : secretSet instanceof jakarta.json.JsonNumber j ? j.longValue() : -1;
        return QuarkusTransaction.requiringNew().call(() -> clientId != null
                ? client(subject, clientId, scope, secretSetMillis)
                : session != null ? account(subject, UUID.fromString(session)) : Optional.empty());
    }

    /** The account, its session and its grants, in one round trip (this runs on every signed-in request). */
    private Optional<Caller> account(UUID id, UUID session) {
        List<Tuple> rows = em.createNativeQuery("""
                select a.person_id as person_id, coalesce(p.name, a.username) as name,
                       a.password_one_time as password_one_time, g.role as role, g.org_unit_id as org_unit_id,
                       g.implicit as implicit
                from account a
                join refresh_family f on f.id = :session and f.account_id = a.id and f.revoked_at is null
                left join person p on p.id = a.person_id
                left join lateral (
                    select r.role, r.org_unit_id, false as implicit from role_grant r
                    where r.account_id = a.id and r.revoked_at is null
                    union all
                    select :member, m.org_unit_id, true from membership m
                    where m.person_id = a.person_id and m.is_branch and m.end_date is null
                ) g on true
                where a.id = :id and a.active and (p.id is null or p.active)""", Tuple.class)
                .setParameter("id", id).setParameter("session", session).setParameter("member", Roles.MEMBER)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Caller.Grant> grants = new ArrayList<>();
        for (Tuple row : rows) {
            if (Rows.string(row, "role") != null) {
                grants.add(grant(row));
            }
        }
        Tuple first = rows.get(0);
        return Optional.of(new Caller(Caller.Kind.ACCOUNT, id, Optional.ofNullable(Rows.uuid(first, "person_id")),
                Rows.string(first, "name"), grants, Set.of(), Rows.bool(first, "password_one_time")));
    }

    /** The account's open grants, and MEMBER of the branch its person belongs to now. */
    public List<Caller.Grant> grants(UUID accountId) {
        List<Tuple> rows = em.createNativeQuery("""
                select role as role, org_unit_id as org_unit_id, false as implicit from role_grant
                where account_id = :id and revoked_at is null
                union all
                select :member, m.org_unit_id, true from membership m join account a on a.person_id = m.person_id
                where a.id = :id and m.is_branch and m.end_date is null""", Tuple.class)
                .setParameter("id", accountId).setParameter("member", Roles.MEMBER).getResultList();
        List<Caller.Grant> grants = new ArrayList<>();
        for (Tuple row : rows) {
            grants.add(grant(row));
        }
        return grants;
    }

    private static Caller.Grant grant(Tuple row) {
        return new Caller.Grant(Rows.string(row, "role"), Rows.uuid(row, "org_unit_id"), Rows.bool(row, "implicit"));
    }

    /** The client, with the scopes both its token and its current settings allow. */
    private Optional<Caller> client(UUID id, String clientId, String tokenScope, long secretSetMillis) {
        List<Tuple> rows = em.createNativeQuery("""
                select name as name, scopes as scopes, org_unit_id as org_unit_id, secret_rotated_at as secret_rotated_at
                from api_client where id = :id and client_id = :clientId and revoked_at is null""", Tuple.class)
                .setParameter("id", id).setParameter("clientId", clientId).getResultList();
        // a token got with an earlier secret than the current one stops at the rotation
        if (rows.isEmpty() || secretSetMillis != Rows.instant(rows.get(0), "secret_rotated_at").toEpochMilli()) {
            return Optional.empty();
        }
        Tuple row = rows.get(0);
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(Rows.string(row, "scopes").split(" ")));
        scopes.retainAll(Arrays.asList(tokenScope == null ? new String[0] : tokenScope.split(" ")));
        return Optional.of(new Caller(Caller.Kind.API_CLIENT, id, Optional.empty(), Rows.string(row, "name"),
                List.of(new Caller.Grant(null, Rows.uuid(row, "org_unit_id"), false)), scopes, false));
    }
}
