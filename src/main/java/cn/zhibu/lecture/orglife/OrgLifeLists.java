package cn.zhibu.lecture.orglife;

import cn.zhibu.lecture.PartyDay;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads problem and rectification entries as the API shows them: with names, and each item with its session. */
@ApplicationScoped
public class OrgLifeLists {

    private final EntityManager em;
    private final BusinessCalendar calendar;

    OrgLifeLists(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** Which items a unit's list shows. */
    public record Filter(RectificationState state, boolean overdue) {
    }

    /** A session's items in the order recorded. */
    Page<OrgLifeViews.RectificationView> ofSession(UUID partyDayId, PageRequest page) {
        StringBuilder query = new StringBuilder("from Rectification where partyDayId = :day");
        page.after().ifPresent(after -> query.append(" and (createdAt > :afterAt or (createdAt = :afterAt and id > "
                + ":afterId))"));
        TypedQuery<Rectification> typed = em.createQuery(query + " order by createdAt, id", Rectification.class)
                .setParameter("day", partyDayId);
        page.after().ifPresent(after -> typed.setParameter("afterAt", Instant.parse(after.get(0)))
                .setParameter("afterId", UUID.fromString(after.get(1))));
        List<Rectification> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        Page<Rectification> shown = page.page(rows, r -> List.of(r.createdAt.toString(), r.id.toString()), r -> r);
        return new Page<>(views(shown.items()), shown.nextCursor());
    }

    /**
     * The items of the sessions of every branch in a unit's subtree, earliest due first. Overdue: OPEN and due
     * before today (in the business calendar).
     */
    public Page<OrgLifeViews.RectificationView> under(UUID unitId, Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("select r from Rectification r, OrgUnit u where u.id = r.branchId "
                + "and u.path like :under");
        Map<String, Object> parameters = new HashMap<>();
        String path = em.createQuery("select u.path from OrgUnit u where u.id = :id", String.class)
                .setParameter("id", unitId).getSingleResult();
        parameters.put("under", path + "%"); // a path is ids and slashes: nothing to escape
        if (filter.state() != null) {
            query.append(" and r.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.overdue()) {
            query.append(" and r.state = :open and r.dueOn < :today");
            parameters.put("open", RectificationState.OPEN);
            parameters.put("today", calendar.today());
        }
        page.after().ifPresent(after -> {
            query.append(" and (r.dueOn > :afterDue or (r.dueOn = :afterDue and r.id > :afterId))");
            parameters.put("afterDue", LocalDate.parse(after.get(0)));
            parameters.put("afterId", UUID.fromString(after.get(1)));
        });
        TypedQuery<Rectification> typed = em.createQuery(query + " order by r.dueOn, r.id", Rectification.class);
        parameters.forEach(typed::setParameter);
        List<Rectification> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        Page<Rectification> shown = page.page(rows, r -> List.of(r.dueOn.toString(), r.id.toString()), r -> r);
        return new Page<>(views(shown.items()), shown.nextCursor());
    }

    OrgLifeViews.RectificationView view(Rectification item) {
        return views(List.of(item)).get(0);
    }

    List<OrgLifeViews.RectificationView> views(List<Rectification> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Map<UUID, PartyDay> sessions = PartyDay.<PartyDay>list("id in ?1", items.stream().map(r -> r.partyDayId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        Map<UUID, String> names = names(items.stream().map(r -> r.ownerId).toList());
        LocalDate today = calendar.today();
        return items.stream().map(r -> {
            PartyDay day = sessions.get(r.partyDayId);
            return new OrgLifeViews.RectificationView(r.id, r.partyDayId, day.theme, day.heldOn, r.branchId,
                    r.problemId, r.item, r.measures, r.ownerId, names.get(r.ownerId), r.dueOn, r.state,
                    r.state == RectificationState.OPEN && r.dueOn.isBefore(today), r.evidence,
                    Arrays.asList(r.evidenceLinks), r.createdBy, r.createdAt, r.closedBy, r.closedAt, r.updatedAt,
                    r.version);
        }).toList();
    }

    List<OrgLifeViews.ProblemView> problems(List<ProblemItem> problems) {
        Map<UUID, String> names = names(problems.stream().map(p -> p.personId).toList());
        return problems.stream().map(p -> new OrgLifeViews.ProblemView(p.id, p.partyDayId, p.subject, p.personId,
                p.personId == null ? null : names.get(p.personId), p.source, p.text, p.createdBy, p.createdAt,
                p.version)).toList();
    }

    /** People's names by id. */
    @SuppressWarnings("unchecked")
    private Map<UUID, String> names(Collection<UUID> ids) {
        Set<UUID> wanted = new HashSet<>(ids);
        wanted.remove(null);
        Map<UUID, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.createNativeQuery("select id, name from person where id in (:ids)")
                .setParameter("ids", wanted).getResultList();
        rows.forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }
}
