package cn.zhibu.integrity;

import cn.zhibu.integrity.audit.AuditAction;
import cn.zhibu.integrity.audit.IntegrityAudit;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeDigest;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The weekly digest of integrity officers (INTEGRITY_OVERDUE): to each officer, one notice with how many files in
 * the units they keep files of have something overdue ({@link OverdueFiles}), leaving out their own file and those
 * of their declared relatives (either way round), as their overdue list does. The count only: no name, no reason.
 * Officers are read from the role grants (an INTEGRITY_OFFICER grant on a unit, not revoked, of an active account
 * of an active person). Reading the files' due days is audited as the service's own LIST_OVERDUE.
 */
@ApplicationScoped
public class IntegrityOverdueDigest implements NoticeDigest {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final OverdueFiles overdue;
    private final PersonService persons;
    private final IntegrityAudit audit;

    IntegrityOverdueDigest(EntityManager em, BusinessCalendar calendar, OverdueFiles overdue, PersonService persons,
            IntegrityAudit audit) {
        this.em = em;
        this.calendar = calendar;
        this.overdue = overdue;
        this.persons = persons;
        this.audit = audit;
    }

    @Override
    public NoticeKind kind() {
        return NoticeKind.INTEGRITY_OVERDUE;
    }

    @Override
    public boolean weekly() {
        return true;
    }

    @Override
    @ActivateRequestContext
    public List<Notice> collect(Instant now) {
        LocalDate today = calendar.dateOf(now);
        IsoWeek week = IsoWeek.of(today);
        List<IntegrityFile> files = overdue.candidates(today).stream()
                .filter(f -> !overdue.reasons(f, today).isEmpty()).toList();
        audit.record(AuditAction.LIST_OVERDUE, IntegrityAudit.Subject.none());
        if (files.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> home = persons.homeUnits(files.stream().map(f -> f.personId).toList());
        Map<UUID, String> paths = paths(files.stream().map(f -> home.getOrDefault(f.personId, f.unitId)).toList());
        Map<UUID, Set<String>> officers = officers();
        Set<List<UUID>> relations = relations();
        Map<UUID, Integer> counts = new TreeMap<>();
        officers.forEach((officer, reach) -> {
            int count = 0;
            for (IntegrityFile file : files) {
                String path = paths.get(home.getOrDefault(file.personId, file.unitId));
                if (path != null && reach.stream().anyMatch(path::startsWith) && !officer.equals(file.personId)
                        && !relations.contains(List.of(officer, file.personId))) {
                    count++;
                }
            }
            if (count > 0) {
                counts.put(officer, count);
            }
        });
        List<Notice> notices = new ArrayList<>();
        counts.forEach((officer, count) -> notices.add(new Notice(NoticeKind.INTEGRITY_OVERDUE,
                "integrity-overdue:" + officer + ":" + week, Set.of(officer), now,
                Map.of(NoticeField.COUNT, Integer.toString(count)), "/v1/integrity-files/overdue")));
        return notices;
    }

    /** Each officer's person with the paths of the units they keep files of. */
    private Map<UUID, Set<String>> officers() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select a.person_id as person_id, u.path as path from role_grant g
                join account a on a.id = g.account_id
                join person p on p.id = a.person_id
                join org_unit u on u.id = g.org_unit_id
                where g.revoked_at is null and g.role = 'INTEGRITY_OFFICER' and a.active and p.active""", Tuple.class)
                .getResultList();
        Map<UUID, Set<String>> officers = new HashMap<>();
        rows.forEach(r -> officers.computeIfAbsent(Rows.uuid(r, "person_id"), k -> new HashSet<>())
                .add(Rows.string(r, "path")));
        return officers;
    }

    /** Declared relations, both ways round, as (one, other) pairs. */
    private Set<List<UUID>> relations() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select cadre_person_id as cadre, relative_person_id as relative "
                + "from integrity_relation", Tuple.class).getResultList();
        Set<List<UUID>> pairs = new HashSet<>();
        for (Tuple row : rows) {
            UUID cadre = Rows.uuid(row, "cadre");
            UUID relative = Rows.uuid(row, "relative");
            pairs.add(List.of(cadre, relative));
            pairs.add(List.of(relative, cadre));
        }
        return pairs;
    }

    private Map<UUID, String> paths(List<UUID> unitIds) {
        Map<UUID, String> paths = new HashMap<>();
        cn.zhibu.org.OrgUnit.<cn.zhibu.org.OrgUnit>list("id in ?1", Set.copyOf(unitIds))
                .forEach(u -> paths.put(u.id, u.path));
        return paths;
    }
}
