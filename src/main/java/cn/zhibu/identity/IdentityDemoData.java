package cn.zhibu.identity;

import cn.zhibu.identity.accounts.AccountService;
import cn.zhibu.identity.grants.GrantService;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): roles for demo people, so that the demo sign-in shows each
 * role at work. DEMO-1001 is the branch's secretary, DEMO-1002 its integrity officer, DEMO-1003 an
 * org admin of the department, DEMO-1004 to DEMO-1006 lead the three party groups; everyone is a
 * member of the branch. Added only when no demo person has a grant yet.
 */
@ApplicationScoped
public class IdentityDemoData {

    private static final Logger LOG = Logger.getLogger(IdentityDemoData.class);

    private final AccountService accounts;
    private final GrantService grants;
    private final EntityManager em;
    private final boolean enabled;

    IdentityDemoData(AccountService accounts, GrantService grants, EntityManager em,
            cn.zhibu.identity.signin.DemoSignIn demo) {
        this.accounts = accounts;
        this.grants = grants;
        this.em = em;
        // roles for demo people only where demo people can be signed in as: never on a real database
        this.enabled = demo.enabled();
    }

    @Transactional
    public void load() {
        if (!enabled || !em.createNativeQuery("select 1 from role_grant g join account a on a.id = g.account_id "
                + "join person p on p.id = a.person_id where p.external_id like 'DEMO-%'")
                .setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        List<Tuple> people = em.createNativeQuery("""
                select p.external_id as external_id, p.id as person_id, b.org_unit_id as branch_id,
                       b2.parent_id as branch_parent_id, g.org_unit_id as group_id
                from person p
                join membership b on b.person_id = p.id and b.is_branch and b.end_date is null
                join org_unit b2 on b2.id = b.org_unit_id
                left join membership g on g.person_id = p.id and not g.is_branch and g.end_date is null
                     and g.org_unit_id in (select id from org_unit where kind = 'PARTY_GROUP')
                where p.external_id in ('DEMO-1001', 'DEMO-1002', 'DEMO-1003', 'DEMO-1004', 'DEMO-1005', 'DEMO-1006')
                order by p.external_id""", Tuple.class).getResultList();
        for (Tuple row : people) {
            String externalId = Rows.string(row, "external_id");
            UUID account = accounts.ofPersonMadeIfNeeded(Rows.uuid(row, "person_id"));
            UUID branch = Rows.uuid(row, "branch_id");
            UUID parent = Rows.uuid(row, "branch_parent_id");
            UUID group = Rows.uuid(row, "group_id");
            switch (externalId) {
                case "DEMO-1001" -> grants.grant(account, Roles.SECRETARY, branch, "system:demo");
                case "DEMO-1002" -> grants.grant(account, Roles.INTEGRITY_OFFICER, branch, "system:demo");
                case "DEMO-1003" -> grants.grant(account, Roles.ORG_ADMIN, parent == null ? branch : parent,
                        "system:demo");
                default -> {
                    if (group != null) {
                        grants.grant(account, Roles.GROUP_LEADER, group, "system:demo");
                    }
                }
            }
        }
        LOG.info("Demo data: roles for demo people (DEMO-1001 secretary, DEMO-1002 integrity officer, DEMO-1003 org admin)");
    }
}
