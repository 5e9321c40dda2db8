package cn.zhibu.org.people;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Political birthdays (政治生日): party anniversaries in a date range, computed and paged in SQL. */
@ApplicationScoped
public class PoliticalBirthdays {

    private final EntityManager em;

    PoliticalBirthdays(EntityManager em) {
        this.em = em;
    }

    /**
     * The active people of a unit's subtree whose party anniversary falls between two dates
     * (366 days at most), in date order. Someone who joined on 29 February celebrates on
     * 28 February in other years.
     */
    public Page<PersonViews.PoliticalBirthdayView> between(UUID unitId, LocalDate from, LocalDate to,
            PageRequest page) {
        if (to.isBefore(from)) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "to", "on or after from");
        }
        if (to.isAfter(from.plusDays(365))) {
            throw new ProblemException(PeopleProblem.DATE_RANGE_TOO_LONG, 366);
        }
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(unitId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId", "an org unit"));
        Optional<List<String>> after = page.after();
        String keyset = after.isPresent() ? "and (anniversary, name, cast(id as text)) > (cast(:afterDate as date), :afterName, :afterId)" : "";
        var query = em.createNativeQuery("""
                with candidates as (
                    select p.id, p.name, p.party_join_date as joined,
                           cast(extract(month from p.party_join_date) as int) as m,
                           cast(extract(day from p.party_join_date) as int) as d
                    from person p
                    where p.active and p.party_join_date is not null
                      and exists (select 1 from membership ms join org_unit o on o.id = ms.org_unit_id
                                  where ms.person_id = p.id and ms.end_date is null and o.path like :prefix)
                ), dated as (
                    select c.id, c.name, c.joined, y.year,
                           make_date(y.year, c.m, case when c.m = 2 and c.d = 29
                               and not (y.year % 4 = 0 and (y.year % 100 <> 0 or y.year % 400 = 0)) then 28
                               else c.d end) as anniversary
                    from candidates c cross join (values (:fromYear), (:fromYear + 1)) as y(year)
                )
                select id as id, name as name, joined as joined, anniversary as anniversary,
                       year - cast(extract(year from joined) as int) as years
                from dated
                where anniversary between :from and :to and year > cast(extract(year from joined) as int)
                """ + keyset + """
                order by anniversary, name, cast(id as text)
                limit :size""", Tuple.class)
                .setParameter("prefix", unit.path + "%").setParameter("fromYear", from.getYear())
                .setParameter("from", from).setParameter("to", to).setParameter("size", page.fetchSize());
        after.ifPresent(position -> query.setParameter("afterDate", position.get(0))
                .setParameter("afterName", position.get(1)).setParameter("afterId", position.get(2)));
        List<Tuple> rows = query.getResultList();
        List<PersonViews.PoliticalBirthdayView> found = rows.stream().map(row -> new PersonViews.PoliticalBirthdayView(
                Rows.uuid(row, "id"), Rows.string(row, "name"), Rows.localDate(row, "joined"),
                Rows.localDate(row, "anniversary"), Rows.integer(row, "years"))).toList();
        return page.page(found, b -> List.of(b.anniversary().toString(), b.name(), b.personId().toString()), b -> b);
    }
}
