package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What contests read of sessions, party groups and memberships. Sessions are another capability's records: they
 * are read here row by row, never through its classes.
 */
@ApplicationScoped
public class ContestSessions {

    private final EntityManager em;

    ContestSessions(EntityManager em) {
        this.em = em;
    }

    /** A session as a contest sees it. */
    public record Session(UUID id, UUID branchId, String kind, String state, Instant startsAt, Instant endsAt,
            LocalDate heldOn, String theme) {

        boolean cancelled() {
            return "CANCELLED".equals(state);
        }
    }

    /** A party group of a branch. */
    record Group(UUID id, String name) {
    }

    public Optional<Session> find(UUID partyDayId) {
        List<Tuple> rows = em.createNativeQuery("select id as id, branch_id as branch_id, kind as kind, state as state, "
                + "starts_at as starts_at, ends_at as ends_at, held_on as held_on, theme as theme from party_day "
                + "where id = :id", Tuple.class).setParameter("id", partyDayId).getResultList();
        return rows.stream().findFirst().map(row -> new Session(Rows.uuid(row, "id"), Rows.uuid(row, "branch_id"),
                Rows.string(row, "kind"), Rows.string(row, "state"), Rows.instant(row, "starts_at"),
                Rows.instant(row, "ends_at"), Rows.localDate(row, "held_on"), Rows.string(row, "theme")));
    }

    /** The branch's party groups not archived at the instant, in their order. */
    List<Group> partyGroups(UUID branchId, Instant at) {
        List<Tuple> rows = em.createNativeQuery("select id as id, name as name from org_unit where parent_id = :branch "
                + "and kind = 'PARTY_GROUP' and (archived_at is null or archived_at > :at) order by sort_order, name, id",
                Tuple.class).setParameter("branch", branchId).setParameter("at", at).getResultList();
        return rows.stream().map(row -> new Group(Rows.uuid(row, "id"), Rows.string(row, "name"))).toList();
    }

    /**
     * Each person's party group on the day: of these groups, the one they were a member of then (of two, the one
     * joined last). People of none are not in the map.
     */
    Map<UUID, UUID> teams(Collection<UUID> groupIds, LocalDate on) {
        Map<UUID, UUID> teams = new HashMap<>();
        if (groupIds.isEmpty()) {
            return teams;
        }
        List<Tuple> rows = em.createNativeQuery("select distinct on (person_id) person_id as person_id, "
                + "org_unit_id as unit_id from membership where org_unit_id = any(cast(:groups as uuid[])) "
                + "and start_date <= :on and (end_date is null or end_date >= :on) "
                + "order by person_id, start_date desc, org_unit_id", Tuple.class)
                .setParameter("groups", groupIds.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("on", on).getResultList();
        rows.forEach(row -> teams.put(Rows.uuid(row, "person_id"), Rows.uuid(row, "unit_id")));
        return teams;
    }
}
