package cn.zhibu.annual.pledge;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Pledges (承诺书): one per branch and year, changed only until the first signature. A change takes the pledge row's
 * lock, as a signature does, so a text never changes under a member signing it.
 */
@ApplicationScoped
public class PledgeService {

    private final EntityManager em;
    private final PledgeAccess access;
    private final BusinessCalendar calendar;

    PledgeService(EntityManager em, PledgeAccess access, BusinessCalendar calendar) {
        this.em = em;
        this.access = access;
        this.calendar = calendar;
    }

    /** A new pledge of a branch and year; 409 PLEDGE_EXISTS (naming it) when the branch has that year's. */
    @Transactional
    public PledgeViews.View create(PledgeViews.Create request, String by) {
        String kind = (String) em.createNativeQuery("select kind from org_unit where id = :id")
                .setParameter("id", request.unitId()).getSingleResult();
        if (!"BRANCH".equals(kind)) {
            throw new ProblemException(PledgeProblem.PLEDGE_NOT_A_BRANCH, kind);
        }
        UUID id = UUID.randomUUID();
        Instant now = calendar.now().truncatedTo(ChronoUnit.MICROS);
        int added = em.createNativeQuery("insert into pledge (id, unit_id, year, title, text, standards, version, "
                + "created_by, created_at, updated_at) values (:id, :unit, :year, :title, :text, "
                + "cast(:standards as varchar(500)[]), 0, :by, :now, :now) on conflict (unit_id, year) do nothing")
                .setParameter("id", id).setParameter("unit", request.unitId()).setParameter("year", request.year())
                .setParameter("title", request.title()).setParameter("text", request.text())
                .setParameter("standards", arrayLiteral(request.standards())).setParameter("by", by)
                .setParameter("now", now).executeUpdate();
        if (added == 0) {
            UUID existing = em.createQuery("select p.id from Pledge p where p.unitId = :unit and p.year = :year",
                    UUID.class).setParameter("unit", request.unitId()).setParameter("year", request.year())
                    .getSingleResult();
            throw new ProblemException(PledgeProblem.PLEDGE_EXISTS, request.year().toString(), existing.toString())
                    .header("Location", "/v1/pledges/" + existing);
        }
        return view(id);
    }

    /** New title, text and standards, if nobody has signed (409 PLEDGE_SIGNED) and If-Match names its version. */
    @Transactional
    public PledgeViews.View change(UUID id, IfMatch precondition, PledgeViews.Change request) {
        Pledge pledge = em.find(Pledge.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (pledge == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        if (signatures(id) > 0) {
            throw new ProblemException(PledgeProblem.PLEDGE_SIGNED, pledge.title);
        }
        precondition.check(pledge.version);
        pledge.title = request.title();
        pledge.text = request.text();
        pledge.standards = request.standards().toArray(String[]::new);
        pledge.updatedAt = calendar.now();
        em.flush();
        return view(id);
    }

    @Transactional
    public PledgeViews.View view(UUID id) {
        Pledge pledge = Pledge.findById(id);
        if (pledge == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return view(pledge);
    }

    /** The unit's pledges, latest year first (of one year, if given). */
    @Transactional
    public Page<PledgeViews.View> list(UUID unitId, Integer year, PageRequest page) {
        StringBuilder jpql = new StringBuilder("from Pledge p where p.unitId = :unit");
        if (year != null) {
            jpql.append(" and p.year = :year");
        }
        page.after().ifPresent(after -> jpql.append(" and (p.year < :afterYear or (p.year = :afterYear "
                + "and p.id > :afterId))"));
        var query = em.createQuery(jpql + " order by p.year desc, p.id", Pledge.class).setParameter("unit", unitId)
                .setMaxResults(page.fetchSize());
        if (year != null) {
            query.setParameter("year", year);
        }
        page.after().ifPresent(after -> query.setParameter("afterYear", Integer.parseInt(after.get(0)))
                .setParameter("afterId", UUID.fromString(after.get(1))));
        return page.page(query.getResultList(), p -> List.of(Integer.toString(p.year), p.id.toString()),
                this::view);
    }

    PledgeViews.View view(Pledge pledge) {
        int signed = signatures(pledge.id);
        Integer unsigned = null;
        if (access.manages(pledge.unitId)) {
            unsigned = ((Number) em.createNativeQuery("select count(*) from (" + PledgeAccess.MEMBERS + ") x "
                    + "where not exists (select 1 from pledge_signature s where s.pledge_id = :id "
                    + "and s.person_id = x.person_id)").setParameter("path", access.path(pledge.unitId))
                    .setParameter("id", pledge.id).getSingleResult()).intValue();
        }
        return new PledgeViews.View(pledge.id, pledge.unitId, pledge.year, pledge.title, pledge.text,
                Arrays.asList(pledge.standards), signed > 0, signed, unsigned, pledge.version, pledge.createdAt,
                pledge.updatedAt);
    }

    int signatures(UUID pledgeId) {
        return ((Number) em.createNativeQuery("select count(*) from pledge_signature where pledge_id = :id")
                .setParameter("id", pledgeId).getSingleResult()).intValue();
    }

    /** A PostgreSQL array literal of texts: each element quoted, quotes and backslashes escaped. */
    static String arrayLiteral(List<String> texts) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < texts.size(); i++) {
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(texts.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** The texts of an array column read by a native query. */
    static List<String> texts(Tuple row, String alias) {
        Object value = row.get(alias);
        try {
            Object[] items = value instanceof java.sql.Array array ? (Object[]) array.getArray() : (Object[]) value;
            return Arrays.stream(items).map(String::valueOf).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(Tuple row) {
        return Rows.string(row, "person_name");
    }
}
