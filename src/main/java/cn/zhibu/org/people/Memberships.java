package cn.zhibu.org.people;

import cn.zhibu.org.people.PersonViews.MembershipView;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person's memberships as history: every unit they belonged to, from when to when. */
@ApplicationScoped
public class Memberships {

    /** A person's memberships, oldest first. */
    public Page<MembershipView> of(UUID personId, PageRequest page) {
        if (Person.count("id", personId) == 0) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        StringBuilder query = new StringBuilder("personId = :person");
        Parameters parameters = Parameters.with("person", personId);
        page.after().ifPresent(after -> {
            query.append(" and (startDate > :start or (startDate = :start and id > :id))");
            parameters.and("start", LocalDate.parse(after.get(0))).and("id", UUID.fromString(after.get(1)));
        });
        List<Membership> rows = Membership.<Membership>find(query + " order by startDate, id", parameters)
                .page(0, page.fetchSize()).list();
        return page.page(rows, m -> List.of(m.startDate.toString(), m.id.toString()),
                m -> new MembershipView(m.orgUnitId, m.startDate, m.endDate));
    }
}
