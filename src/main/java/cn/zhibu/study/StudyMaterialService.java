package cn.zhibu.study;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Study materials: publishing, changing and withdrawing them, and which are open to whom. A material is
 * for the members of its audience unit's subtree: a person is in the audience while one of their current
 * memberships (their branch, party groups, departments) lies in that subtree.
 */
@ApplicationScoped
public class StudyMaterialService {

    /** A material's audience unit holds one of the person's current units. */
    private static final String IN_AUDIENCE = "exists (select 1 from Membership m, OrgUnit u where m.personId = :person "
            + "and m.endDate is null and u.id = m.orgUnitId and u.path like concat(a.path, '%'))";

    private final EntityManager em;
    private final BusinessCalendar calendar;

    StudyMaterialService(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Transactional
    public StudyMaterialViews.View create(StudyMaterialViews.Create request, String createdBy) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(request.unitId())
                .orElseThrow(() -> new ProblemException(StudyProblem.MATERIAL_UNIT_NOT_FOUND, request.unitId().toString()));
        if (unit.archived()) {
            throw new ProblemException(StudyProblem.MATERIAL_UNIT_ARCHIVED, unit.name);
        }
        Instant now = calendar.now();
        StudyMaterial material = new StudyMaterial();
        material.id = UUID.randomUUID();
        material.unitId = unit.id;
        material.createdBy = createdBy;
        material.createdAt = now;
        fill(material, request.kind(), request.title(), request.summary(), request.url(), request.tags(),
                request.minStudySeconds() == null ? 0 : request.minStudySeconds(),
                request.publishFrom() == null ? now : request.publishFrom(), request.publishUntil());
        material.studyHours = request.studyHours();
        material.persist();
        return StudyMaterialViews.View.of(material);
    }

    @Transactional
    public StudyMaterialViews.View change(UUID id, IfMatch precondition, StudyMaterialViews.Change request) {
        StudyMaterial material = existing(id);
        precondition.check(material.version);
        if (material.withdrawn()) {
            throw new ProblemException(StudyProblem.MATERIAL_WITHDRAWN, material.title);
        }
        fill(material, request.kind(), request.title(), request.summary(), request.url(), request.tags(),
                request.minStudySeconds(), request.publishFrom(), request.publishUntil());
        material.studyHours = request.studyHours();
        material.persistAndFlush();
        return StudyMaterialViews.View.of(material);
    }

    /** Withdraws a material: closed from now on, kept for what was done with it. Withdrawing it again changes nothing. */
    @Transactional
    public StudyMaterialViews.View withdraw(UUID id, IfMatch precondition) {
        StudyMaterial material = existing(id);
        material.withdraw(precondition, material.withdrawnAt, at -> material.withdrawnAt = at, calendar::now);
        return StudyMaterialViews.View.of(material);
    }

    public Optional<StudyMaterialViews.View> find(UUID id) {
        return StudyMaterial.<StudyMaterial>findByIdOptional(id).map(StudyMaterialViews.View::of);
    }

    /** The material if the person is in its audience (whatever its window or state), in one query. */
    public Optional<StudyMaterialViews.View> findFor(UUID personId, UUID materialId) {
        // SQL, not HQL: this runs on every check-in, and Hibernate was found parsing the HQL afresh each time
        @SuppressWarnings("unchecked")
        List<StudyMaterial> found = em.createNativeQuery("""
                select s.* from study_material s join org_unit a on a.id = s.org_unit_id
                where s.id = :id and exists (select 1 from membership m join org_unit u on u.id = m.org_unit_id
                    where m.person_id = :person and m.end_date is null and u.path like a.path || '%')""",
                StudyMaterial.class).setParameter("id", materialId).setParameter("person", personId)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
        return found.stream().findFirst().map(StudyMaterialViews.View::of);
    }

    /** Whether the person is in the material's audience (whatever its window or state). */
    public boolean inAudience(UUID personId, UUID materialId) {
        return em.createQuery("select count(s) from StudyMaterial s, OrgUnit a where s.id = :id and a.id = s.unitId and "
                + IN_AUDIENCE, Long.class).setParameter("id", materialId).setParameter("person", personId)
                .getSingleResult() > 0;
    }

    /**
     * The material if it is open to the person at the instant: the person is in its audience, it is not
     * withdrawn, and the instant is inside its publishing window.
     */
    public Optional<StudyMaterialViews.View> findOpen(UUID personId, UUID materialId, Instant at) {
        return findFor(personId, materialId).filter(m -> m.openAt(at));
    }

    /**
     * The material as members see it at the instant: 404 {@code NOT_FOUND} when it does not exist, is
     * withdrawn, is not published yet (its title is not shown before then) or the person is not in its
     * audience. It may have closed since.
     */
    public StudyMaterialViews.View requireVisible(UUID personId, UUID materialId, Instant at) {
        return findFor(personId, materialId).filter(m -> m.withdrawnAt() == null && !m.publishFrom().isAfter(at))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    /**
     * The material open to the person at the instant, for those who act on it (openings, quizzes): 404 as
     * {@link #requireVisible}; 422 {@code MATERIAL_NOT_OPEN} once its publishing window has closed.
     */
    public StudyMaterialViews.View requireOpen(UUID personId, UUID materialId, Instant at) {
        StudyMaterialViews.View material = requireVisible(personId, materialId, at);
        if (!material.openAt(at)) {
            throw new ProblemException(StudyProblem.MATERIAL_NOT_OPEN, material.title());
        }
        return material;
    }

    /**
     * Like {@link #requireOpen}, for a whole business day: the material was open at some time of that day
     * (make-ups of a missed day); 404 as {@link #requireVisible} now.
     */
    public StudyMaterialViews.View requireOpenOn(UUID personId, UUID materialId, LocalDate day) {
        StudyMaterialViews.View material = requireVisible(personId, materialId, calendar.now());
        Instant start = day.atStartOfDay(calendar.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        if (!material.publishFrom().isBefore(end) || (material.publishUntil() != null
                && !material.publishUntil().isAfter(start))) {
            throw new ProblemException(StudyProblem.MATERIAL_NOT_OPEN, material.title());
        }
        return material;
    }

    /** What is open to the person now: in their audience, not withdrawn, inside the window; latest opening first. */
    public Page<StudyMaterialViews.View> openTo(UUID personId, PageRequest page) {
        Instant now = calendar.now();
        List<UUID> units = audiencesOf(personId);
        if (units.isEmpty()) {
            return page.page(List.<StudyMaterial>of(), m -> List.of(), StudyMaterialViews.View::of);
        }
        StringBuilder query = new StringBuilder("select s from StudyMaterial s where s.unitId in :units and "
                + "s.withdrawnAt is null and s.publishFrom <= :now and (s.publishUntil is null or s.publishUntil > :now)");
        Parameters parameters = Parameters.with("now", now).and("units", units);
        return byOpening(query, parameters, page);
    }

    /**
     * The units whose materials are for the person: their current units and every unit above them, read off
     * the units' materialised paths ('/root/.../own/'), so the material list looks its rows up by unit.
     */
    private List<UUID> audiencesOf(UUID personId) {
        List<String> paths = em.createQuery("select u.path from Membership m, OrgUnit u where m.personId = :person "
                + "and m.endDate is null and u.id = m.orgUnitId", String.class).setParameter("person", personId)
                .getResultList();
        LinkedHashSet<UUID> units = new LinkedHashSet<>();
        for (String path : paths) {
            for (String id : path.split("/")) {
                if (!id.isEmpty()) {
                    units.add(UUID.fromString(id));
                }
            }
        }
        return List.copyOf(units);
    }

    /** Every material whose audience lies in the unit's subtree, in any state; latest opening first. */
    public Page<StudyMaterialViews.View> under(UUID unitId, PageRequest page) {
        String path = OrgUnit.<OrgUnit>findByIdOptional(unitId).map(u -> u.path)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        StringBuilder query = new StringBuilder("select s from StudyMaterial s, OrgUnit a where a.id = s.unitId and "
                + "a.path like :prefix");
        return byOpening(query, Parameters.with("prefix", path + "%"), page);
    }

    private Page<StudyMaterialViews.View> byOpening(StringBuilder query, Parameters parameters, PageRequest page) {
        page.after().ifPresent(after -> {
            query.append(" and (s.publishFrom < :afterFrom or (s.publishFrom = :afterFrom and s.id < :afterId))");
            parameters.and("afterFrom", Instant.parse(after.get(0))).and("afterId", UUID.fromString(after.get(1)));
        });
        var typed = em.createQuery(query + " order by s.publishFrom desc, s.id desc", StudyMaterial.class);
        parameters.map().forEach(typed::setParameter);
        List<StudyMaterial> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        return page.page(rows, m -> List.of(m.publishFrom.toString(), m.id.toString()), StudyMaterialViews.View::of);
    }

    private void fill(StudyMaterial material, MaterialKind kind, String title, String summary, String url,
            List<String> tags, int minStudySeconds, Instant publishFrom, Instant publishUntil) {
        if (publishUntil != null && !publishUntil.isAfter(publishFrom)) {
            throw new ProblemException(StudyProblem.MATERIAL_DATES_INCONSISTENT, publishUntil.toString(),
                    publishFrom.toString());
        }
        material.kind = kind;
        material.title = title;
        material.summary = summary == null || summary.isBlank() ? null : summary;
        material.url = url;
        material.tags = tags == null ? new String[0] : new LinkedHashSet<>(tags).toArray(String[]::new);
        material.minStudySeconds = minStudySeconds;
        material.publishFrom = publishFrom.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        material.publishUntil = publishUntil == null ? null
                : publishUntil.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        material.updatedAt = calendar.now();
    }

    private static StudyMaterial existing(UUID id) {
        return StudyMaterial.<StudyMaterial>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }
}
