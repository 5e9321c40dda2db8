package cn.zhibu.annual.honour;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Honours (荣誉) of units and people. A unit's honour is managed by those who manage the unit's annual cycle; a
 * person's by those who manage their branch's (now, or their last one). Others who may see that unit's annual cycle
 * read them; anyone else finds nothing.
 */
@ApplicationScoped
public class HonourService {

    private final EntityManager em;
    private final Access access;
    private final BusinessCalendar calendar;

    HonourService(EntityManager em, Access access, BusinessCalendar calendar) {
        this.em = em;
        this.access = access;
        this.calendar = calendar;
    }

    @Transactional
    public HonourViews.View create(HonourViews.Create request, String by) {
        if ((request.unitId() == null) == (request.personId() == null)) {
            throw new ProblemException(HonourProblem.HONOUR_HOLDER);
        }
        UUID holder = request.unitId() != null ? request.unitId() : branchOf(request.personId())
                .orElseThrow(() -> new ProblemException(HonourProblem.HONOUR_HOLDER_NOT_FOUND,
                        request.personId().toString()));
        access.requireNamed(Action.ANNUAL_MANAGE, holder, () -> new ProblemException(
                HonourProblem.HONOUR_HOLDER_NOT_FOUND, (request.unitId() != null ? request.unitId()
                        : request.personId()).toString()));
        notFuture(request.year());
        Honour honour = new Honour();
        honour.id = UUID.randomUUID();
        honour.unitId = request.unitId();
        honour.personId = request.personId();
        honour.createdBy = by;
        honour.createdAt = calendar.now();
        fill(honour, request.title(), request.level(), request.year(), request.awardedBy(), request.evidenceUrl(),
                request.note());
        honour.persistAndFlush();
        return view(honour);
    }

    @Transactional
    public HonourViews.View change(UUID id, IfMatch precondition, HonourViews.Change request) {
        Honour honour = byHand(managed(id));
        precondition.check(honour.version);
        notFuture(request.year());
        fill(honour, request.title(), request.level(), request.year(), request.awardedBy(), request.evidenceUrl(),
                request.note());
        em.flush();
        return view(honour);
    }

    @Transactional
    public void delete(UUID id) {
        byHand(managed(id)).delete();
    }

    /** An honour recorded by hand: a star's, entered by the selection's closing, stands as the campaign decided. */
    private static Honour byHand(Honour honour) {
        if (honour.campaignId != null) {
            throw new ProblemException(HonourProblem.HONOUR_FROM_CAMPAIGN, honour.campaignId.toString());
        }
        return honour;
    }

    /** The honour, if the caller may see it (404 otherwise). */
    @Transactional
    public HonourViews.View read(UUID id) {
        Honour honour = Honour.findById(id);
        if (honour == null || !access.allows(Action.ANNUAL_READ, holderUnit(honour))) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return view(honour);
    }

    /** The unit's honours, its subtree's and those of its current members, latest year first. */
    @Transactional
    public Page<HonourViews.View> ofUnit(UUID unitId, Integer year, PageRequest page) {
        String path = (String) em.createNativeQuery("select path from org_unit where id = :id")
                .setParameter("id", unitId).getSingleResult();
        return page(" (h.unit_id in (select u.id from org_unit u where u.path like :path || '%') or h.person_id in "
                + "(select m.person_id from membership m join org_unit u on u.id = m.org_unit_id "
                + "where m.end_date is null and u.path like :path || '%'))", Map.of("path", path), year, page);
    }

    /** The person's honours, latest year first. */
    @Transactional
    public Page<HonourViews.View> ofPerson(UUID personId, Integer year, PageRequest page) {
        return page(" h.person_id = :person", Map.of("person", personId), year, page);
    }

    /** The person's branch (now, or their last), whose managers manage their honours. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> branchOf(UUID personId) {
        List<UUID> found = em.createNativeQuery("select m.org_unit_id from membership m where m.person_id = :person "
                + "and m.is_branch order by (m.end_date is null) desc, m.start_date desc, m.created_at desc limit 1")
                .setParameter("person", personId).getResultList();
        return found.stream().findFirst();
    }

    private Page<HonourViews.View> page(String where, Map<String, Object> parameters, Integer year,
            PageRequest page) {
        StringBuilder sql = new StringBuilder("select h.id as id from honour h where").append(where);
        if (year != null) {
            sql.append(" and h.year = :year");
        }
        page.after().ifPresent(a -> sql.append(" and (h.year < :afterYear or (h.year = :afterYear and h.id > "
                + "cast(:afterId as uuid)))"));
        var query = em.createNativeQuery(sql + " order by h.year desc, h.id", Tuple.class)
                .setMaxResults(page.fetchSize());
        parameters.forEach(query::setParameter);
        if (year != null) {
            query.setParameter("year", year);
        }
        page.after().ifPresent(a -> query.setParameter("afterYear", Integer.parseInt(a.get(0)))
                .setParameter("afterId", a.get(1)));
        @SuppressWarnings("unchecked")
        List<UUID> ids = ((List<Tuple>) query.getResultList()).stream().map(r -> Rows.uuid(r, "id")).toList();
        Map<UUID, Honour> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("from Honour where id in :ids", Honour.class).setParameter("ids", ids).getResultList()
                    .forEach(h -> byId.put(h.id, h));
        }
        List<Honour> honours = ids.stream().map(byId::get).toList();
        Map<UUID, String> names = names(honours);
        return page.page(honours, h -> List.of(Integer.toString(h.year), h.id.toString()), h -> view(h, names));
    }

    private Honour managed(UUID id) {
        Honour honour = em.find(Honour.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (honour == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        UUID unit = holderUnit(honour);
        if (!access.allows(Action.ANNUAL_READ, unit)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        access.require(Action.ANNUAL_MANAGE, unit);
        return honour;
    }

    private UUID holderUnit(Honour honour) {
        return honour.unitId != null ? honour.unitId : branchOf(honour.personId).orElse(new UUID(0, 0));
    }

    private void notFuture(int year) {
        if (year > calendar.today().getYear()) {
            throw new ProblemException(HonourProblem.HONOUR_YEAR_IN_FUTURE, Integer.toString(year));
        }
    }

    private void fill(Honour honour, String title, HonourLevel level, int year, String awardedBy, String evidenceUrl,
            String note) {
        honour.title = title;
        honour.level = level;
        honour.year = year;
        honour.awardedBy = awardedBy;
        honour.evidenceUrl = evidenceUrl;
        honour.note = note;
        honour.updatedAt = calendar.now();
    }

    private HonourViews.View view(Honour honour) {
        return view(honour, names(List.of(honour)));
    }

    private static HonourViews.View view(Honour h, Map<UUID, String> names) {
        return new HonourViews.View(h.id, h.unitId, h.personId, names.get(h.unitId != null ? h.unitId : h.personId),
                h.title, h.level, h.level.label(), h.year, h.awardedBy, h.evidenceUrl, h.note, h.campaignId,
                h.version, h.createdAt, h.updatedAt);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, String> names(Collection<Honour> honours) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> ids = honours.stream().map(h -> h.unitId != null ? h.unitId : h.personId).distinct().toList();
        if (!ids.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("select id as id, name as name from org_unit where id in (:ids) "
                    + "union all select id, name from person where id in (:ids)", Tuple.class)
                    .setParameter("ids", ids).getResultList();
            rows.forEach(r -> names.put(Rows.uuid(r, "id"), Rows.string(r, "name")));
        }
        return names;
    }
}
