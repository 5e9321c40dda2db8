package cn.zhibu.lecture.compliance;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How often each branch holds each kind of session: its choices (org_life_requirement) over the defaults
 * (zhibu.org-life.frequency.*). A branch's choices change together, under one version that If-Match names.
 */
@ApplicationScoped
public class OrgLifeRequirements {

    private final EntityManager em;
    private final OrgLifeSettings settings;
    private final BusinessCalendar calendar;

    OrgLifeRequirements(EntityManager em, OrgLifeSettings settings, BusinessCalendar calendar) {
        this.em = em;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** The frequency of every kind in a branch, its choices over the defaults. */
    public Map<PartyDayKind, Frequency> frequencies(UUID branchId) {
        Map<PartyDayKind, Frequency> frequencies = new EnumMap<>(PartyDayKind.class);
        for (PartyDayKind kind : PartyDayKind.values()) {
            frequencies.put(kind, settings.frequency().of(kind));
        }
        frequencies.putAll(chosen(branchId));
        return frequencies;
    }

    /** A branch's requirements, every kind, with the version of its choices. */
    public ComplianceViews.Requirements read(UUID branchId) {
        Map<PartyDayKind, Frequency> chosen = chosen(branchId);
        List<ComplianceViews.Requirement> requirements = new ArrayList<>();
        for (PartyDayKind kind : PartyDayKind.values()) {
            Frequency byDefault = settings.frequency().of(kind);
            requirements.add(new ComplianceViews.Requirement(kind, chosen.getOrDefault(kind, byDefault), byDefault,
                    chosen.containsKey(kind)));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> set = em.createNativeQuery("select version as version, updated_by as updated_by, "
                + "updated_at as updated_at from org_life_requirement_set where branch_id = :branch", Tuple.class)
                .setParameter("branch", branchId).getResultList();
        return set.isEmpty() ? new ComplianceViews.Requirements(branchId, requirements, 0, null, null)
                : new ComplianceViews.Requirements(branchId, requirements, Rows.longValue(set.get(0), "version"),
                        Rows.string(set.get(0), "updated_by"), Rows.instant(set.get(0), "updated_at"));
    }

    /**
     * Replaces a branch's choices: the kinds named take their frequency, the others their default. The first
     * choice may come without If-Match (the branch has none to name); later ones name the version last read.
     */
    @Transactional
    public ComplianceViews.Requirements choose(UUID branchId, String ifMatch, ComplianceViews.Change change, String by) {
        Map<PartyDayKind, Frequency> choices = new EnumMap<>(PartyDayKind.class);
        for (ComplianceViews.Choice choice : change.requirements()) {
            if (choices.put(choice.kind(), choice.frequency()) != null) {
                throw new ProblemException(ComplianceProblem.ORG_LIFE_KIND_REPEATED, choice.kind().name());
            }
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "org-life-requirements|" + branchId).getSingleResult();
        long version = read(branchId).version();
        boolean exists = ((Number) em.createNativeQuery("select count(*) from org_life_requirement_set "
                + "where branch_id = :branch").setParameter("branch", branchId).getSingleResult()).longValue() > 0;
        if (exists || ifMatch != null) {
            IfMatch.parse(ifMatch).check(version);
        }
        Instant now = calendar.now();
        em.createNativeQuery("insert into org_life_requirement_set (branch_id, version, updated_by, updated_at) "
                + "values (:branch, 1, :by, :at) on conflict (branch_id) do update set version = "
                + "org_life_requirement_set.version + 1, updated_by = excluded.updated_by, "
                + "updated_at = excluded.updated_at").setParameter("branch", branchId).setParameter("by", by)
                .setParameter("at", now).executeUpdate();
        em.createNativeQuery("delete from org_life_requirement where branch_id = :branch")
                .setParameter("branch", branchId).executeUpdate();
        for (Map.Entry<PartyDayKind, Frequency> choice : choices.entrySet()) {
            em.createNativeQuery("insert into org_life_requirement (branch_id, kind, frequency, updated_by, "
                    + "updated_at) values (:branch, :kind, :frequency, :by, :at)").setParameter("branch", branchId)
                    .setParameter("kind", choice.getKey().name()).setParameter("frequency", choice.getValue().name())
                    .setParameter("by", by).setParameter("at", now).executeUpdate();
        }
        return read(branchId);
    }

    private Map<PartyDayKind, Frequency> chosen(UUID branchId) {
        Map<PartyDayKind, Frequency> chosen = new EnumMap<>(PartyDayKind.class);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select kind as kind, frequency as frequency "
                + "from org_life_requirement where branch_id = :branch", Tuple.class).setParameter("branch", branchId)
                .getResultList();
        for (Tuple row : rows) {
            chosen.put(PartyDayKind.valueOf(Rows.string(row, "kind")), Frequency.valueOf(Rows.string(row, "frequency")));
        }
        return chosen;
    }
}
