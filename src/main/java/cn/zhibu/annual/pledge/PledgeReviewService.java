package cn.zhibu.annual.pledge;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The year-end review (践诺) of a signed pledge: the member assesses each standard they signed, until the secretary
 * comments; the secretary comments on the self-assessment. Both take the review row's lock.
 */
@ApplicationScoped
public class PledgeReviewService {

    private final EntityManager em;
    private final PledgeSignatures signatures;
    private final BusinessCalendar calendar;

    PledgeReviewService(EntityManager em, PledgeSignatures signatures, BusinessCalendar calendar) {
        this.em = em;
        this.signatures = signatures;
        this.calendar = calendar;
    }

    /**
     * The member's self-assessment of every standard of the pledge they signed (409 PLEDGE_NOT_SIGNED before), each
     * once; until the secretary has commented (409 PLEDGE_REVIEW_COMMENTED). If-Match, when given, names the review's
     * version.
     */
    @Transactional
    public PledgeViews.Review assess(UUID pledgeId, UUID personId, Optional<IfMatch> precondition,
            PledgeViews.SelfAssessment request) {
        PledgeViews.Signature signature = signatures.of(pledgeId, personId)
                .orElseThrow(() -> new ProblemException(PledgeProblem.PLEDGE_NOT_SIGNED));
        int count = signature.standards().size();
        BitSet seen = new BitSet();
        for (PledgeViews.Assessment item : request.standards()) {
            if (item.standard() > count) {
                throw new ProblemException(PledgeProblem.PLEDGE_STANDARD_NOT_FOUND, item.standard().toString(),
                        Integer.toString(count));
            }
            if (seen.get(item.standard())) {
                throw new ProblemException(PledgeProblem.PLEDGE_ASSESSMENT_INCOMPLETE, Integer.toString(count));
            }
            seen.set(item.standard());
        }
        if (seen.cardinality() != count) {
            throw new ProblemException(PledgeProblem.PLEDGE_ASSESSMENT_INCOMPLETE, Integer.toString(count));
        }
        Instant now = calendar.now().truncatedTo(ChronoUnit.MICROS);
        int added = em.createNativeQuery("insert into pledge_review (pledge_id, person_id, assessed_at, version) "
                + "values (:pledge, :person, :at, 0) on conflict do nothing").setParameter("pledge", pledgeId)
                .setParameter("person", personId).setParameter("at", now).executeUpdate();
        if (added == 0) {
            Tuple review = locked(pledgeId, personId).orElseThrow();
            if (Rows.string(review, "comment") != null) {
                throw new ProblemException(PledgeProblem.PLEDGE_REVIEW_COMMENTED);
            }
            precondition.ifPresent(p -> p.check(Rows.longValue(review, "version")));
            em.createNativeQuery("update pledge_review set assessed_at = :at, version = version + 1 "
                    + "where pledge_id = :pledge and person_id = :person").setParameter("at", now)
                    .setParameter("pledge", pledgeId).setParameter("person", personId).executeUpdate();
            em.createNativeQuery("delete from pledge_assessment where pledge_id = :pledge and person_id = :person")
                    .setParameter("pledge", pledgeId).setParameter("person", personId).executeUpdate();
        }
        for (PledgeViews.Assessment item : request.standards()) {
            em.createNativeQuery("insert into pledge_assessment (pledge_id, person_id, standard, text, grade) "
                    + "values (:pledge, :person, :standard, :text, :grade)").setParameter("pledge", pledgeId)
                    .setParameter("person", personId).setParameter("standard", item.standard())
                    .setParameter("text", item.text())
                    .setParameter("grade", item.grade() == null ? null : item.grade().name()).executeUpdate();
        }
        return review(pledgeId, personId);
    }

    /** The secretary's comment on the self-assessment (409 PLEDGE_NOT_ASSESSED before one), at the version named. */
    @Transactional
    public PledgeViews.Review comment(UUID pledgeId, UUID personId, IfMatch precondition, String comment, String by) {
        Tuple review = locked(pledgeId, personId)
                .orElseThrow(() -> new ProblemException(PledgeProblem.PLEDGE_NOT_ASSESSED));
        precondition.check(Rows.longValue(review, "version"));
        em.createNativeQuery("update pledge_review set comment = :comment, commented_by = :by, commented_at = :at, "
                + "version = version + 1 where pledge_id = :pledge and person_id = :person")
                .setParameter("comment", comment).setParameter("by", by)
                .setParameter("at", calendar.now().truncatedTo(ChronoUnit.MICROS)).setParameter("pledge", pledgeId)
                .setParameter("person", personId).executeUpdate();
        return review(pledgeId, personId);
    }

    /** The member's review of the pledge: 404 unless they signed it. */
    @Transactional
    @SuppressWarnings("unchecked")
    public PledgeViews.Review review(UUID pledgeId, UUID personId) {
        PledgeViews.Signature signature = signatures.of(pledgeId, personId)
                .orElseThrow(() -> new ProblemException(cn.zhibu.platform.problem.ProblemCode.NOT_FOUND));
        List<Tuple> found = em.createNativeQuery("select assessed_at as assessed_at, comment as comment, "
                + "commented_at as commented_at, version as version from pledge_review where pledge_id = :pledge "
                + "and person_id = :person", Tuple.class).setParameter("pledge", pledgeId)
                .setParameter("person", personId).getResultList();
        List<Tuple> items = em.createNativeQuery("select standard as standard, text as text, grade as grade "
                + "from pledge_assessment where pledge_id = :pledge and person_id = :person order by standard",
                Tuple.class).setParameter("pledge", pledgeId).setParameter("person", personId).getResultList();
        List<PledgeViews.Assessment> standards = items.stream().map(r -> new PledgeViews.Assessment(
                Rows.integer(r, "standard"), Rows.string(r, "text"),
                Rows.string(r, "grade") == null ? null : PledgeGrade.valueOf(Rows.string(r, "grade")))).toList();
        Tuple review = found.isEmpty() ? null : found.get(0);
        return new PledgeViews.Review(pledgeId, personId, signature.personName(), signature.signedAt(),
                signature.sha256(), standards, review == null ? null : Rows.instant(review, "assessed_at"),
                review == null ? null : Rows.string(review, "comment"),
                review == null ? null : Rows.instant(review, "commented_at"),
                review == null ? 0 : Rows.longValue(review, "version"));
    }

    /** The person's pledges: those they signed and those of their branch, latest year first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<PledgeViews.PersonPledge> ofPerson(UUID personId, Optional<UUID> branch, PageRequest page) {
        String after = page.after().map(a -> "and (p.year < :afterYear or (p.year = :afterYear and p.id > "
                + "cast(:afterId as uuid))) ").orElse("");
        var query = em.createNativeQuery("select p.id as id, p.unit_id as unit_id, p.year as year, p.title as title, "
                + "s.signed_at as signed_at, s.sha256 as sha256, r.assessed_at as assessed_at, r.comment as comment "
                + "from pledge p left join pledge_signature s on s.pledge_id = p.id and s.person_id = :person "
                + "left join pledge_review r on r.pledge_id = p.id and r.person_id = :person "
                + "where (s.person_id is not null or p.unit_id = :branch) " + after + "order by p.year desc, p.id",
                Tuple.class).setParameter("person", personId)
                .setParameter("branch", branch.orElse(new UUID(0, 0))).setMaxResults(page.fetchSize());
        page.after().ifPresent(a -> query.setParameter("afterYear", Integer.parseInt(a.get(0)))
                .setParameter("afterId", a.get(1)));
        List<Tuple> rows = query.getResultList();
        return page.page(rows, r -> List.of(Rows.integer(r, "year").toString(), Rows.uuid(r, "id").toString()),
                r -> new PledgeViews.PersonPledge(Rows.uuid(r, "id"), Rows.uuid(r, "unit_id"), Rows.integer(r, "year"),
                        Rows.string(r, "title"), Rows.instant(r, "signed_at"), Rows.string(r, "sha256"),
                        Rows.instant(r, "assessed_at"), Rows.string(r, "comment") != null,
                        Rows.string(r, "comment")));
    }

    @SuppressWarnings("unchecked")
    private Optional<Tuple> locked(UUID pledgeId, UUID personId) {
        List<Tuple> rows = em.createNativeQuery("select comment as comment, version as version from pledge_review "
                + "where pledge_id = :pledge and person_id = :person for update", Tuple.class)
                .setParameter("pledge", pledgeId).setParameter("person", personId).getResultList();
        return rows.stream().findFirst();
    }
}
