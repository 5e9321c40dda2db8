package cn.zhibu.identity;

import cn.zhibu.org.OrgUnitService;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.security.StandingAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link StandingAccess} from the stored account (active, its person active) or API client (not revoked). */
@ApplicationScoped
public class StandingAccessPolicy implements StandingAccess {

    private final EntityManager em;
    private final CallerLoader callers;
    private final OrgUnitService units;

    StandingAccessPolicy(EntityManager em, CallerLoader callers, OrgUnitService units) {
        this.em = em;
        this.callers = callers;
        this.units = units;
    }

    @Override
    public boolean allows(String subject, Action action, UUID unitId) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        Optional<String> path = units.path(unitId);
        return path.isPresent() && caller(id).map(c -> AccessPolicy.reach(c, action).covers(path.get()))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private Optional<Caller> caller(UUID id) {
        List<Object> accounts = em.createNativeQuery("select a.person_id from account a left join person p "
                + "on p.id = a.person_id where a.id = :id and a.active and (p.id is null or p.active)")
                .setParameter("id", id).getResultList();
        if (!accounts.isEmpty()) {
            return Optional.of(new Caller(Caller.Kind.ACCOUNT, id, Optional.ofNullable((UUID) accounts.get(0)), "",
                    callers.grants(id), Set.of(), false));
        }
        List<Tuple> clients = em.createNativeQuery("select scopes as scopes, org_unit_id as org_unit_id from api_client "
                + "where id = :id and revoked_at is null", Tuple.class).setParameter("id", id).getResultList();
        if (clients.isEmpty()) {
            return Optional.empty();
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(Rows.string(clients.get(0), "scopes").split(" ")));
        return Optional.of(new Caller(Caller.Kind.API_CLIENT, id, Optional.empty(), "",
                List.of(new Caller.Grant(null, Rows.uuid(clients.get(0), "org_unit_id"), false)), scopes, false));
    }
}
