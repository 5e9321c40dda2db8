package cn.zhibu.annual.pledge;

import cn.zhibu.platform.db.Rows;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Signatures of pledges: a member signs once, and the signature keeps the exact title, text and standards signed
 * with their SHA-256 ({@link SignedText}). Signing takes the pledge row's lock (and bumps its version), so two
 * signatures of one member, or a change and a signature, never interleave.
 */
@ApplicationScoped
public class PledgeSignatures {

    private static final String SIGNATURE = "select s.pledge_id as pledge_id, s.person_id as person_id, "
            + "p.name as person_name, s.title as title, s.text as text, s.standards as standards, s.sha256 as sha256, "
            + "s.signed_at as signed_at from pledge_signature s join person p on p.id = s.person_id ";

    private final EntityManager em;
    private final PledgeAccess access;
    private final BusinessCalendar calendar;

    PledgeSignatures(EntityManager em, PledgeAccess access, BusinessCalendar calendar) {
        this.em = em;
        this.access = access;
        this.calendar = calendar;
    }

    /**
     * The person signs the pledge as it stands: 403 PLEDGE_NOT_A_MEMBER unless a current member of its unit's subtree,
     * 409 PLEDGE_ALREADY_SIGNED if they have signed.
     */
    @Transactional
    public PledgeViews.Signature sign(UUID pledgeId, UUID personId) {
        Pledge pledge = em.find(Pledge.class, pledgeId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (pledge == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        if (!access.isMember(personId, pledge.unitId)) {
            throw new ProblemException(PledgeProblem.PLEDGE_NOT_A_MEMBER, pledge.title);
        }
        Optional<PledgeViews.Signature> existing = of(pledgeId, personId);
        if (existing.isPresent()) {
            throw new ProblemException(PledgeProblem.PLEDGE_ALREADY_SIGNED, existing.get().signedAt().toString())
                    .header("Location", "/v1/pledges/" + pledgeId + "/signatures/me");
        }
        Instant now = calendar.now().truncatedTo(ChronoUnit.MICROS);
        String hash = SignedText.sha256(pledge.id, personId, pledge.title, pledge.text,
                Arrays.asList(pledge.standards));
        // the signed texts are copied from the locked row itself: what is hashed is what is stored
        em.createNativeQuery("insert into pledge_signature (pledge_id, person_id, title, text, standards, sha256, "
                + "signed_at) select p.id, :person, p.title, p.text, p.standards, :hash, :at from pledge p "
                + "where p.id = :pledge").setParameter("person", personId).setParameter("hash", hash)
                .setParameter("at", now).setParameter("pledge", pledgeId).executeUpdate();
        return of(pledgeId, personId).orElseThrow();
    }

    /** The person's signature of the pledge. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<PledgeViews.Signature> of(UUID pledgeId, UUID personId) {
        List<Tuple> rows = em.createNativeQuery(SIGNATURE + "where s.pledge_id = :pledge and s.person_id = :person",
                Tuple.class).setParameter("pledge", pledgeId).setParameter("person", personId).getResultList();
        return rows.stream().findFirst().map(r -> new PledgeViews.Signature(Rows.uuid(r, "pledge_id"),
                Rows.uuid(r, "person_id"), PledgeService.name(r), Rows.string(r, "title"), Rows.string(r, "text"),
                PledgeService.texts(r, "standards"), Rows.string(r, "sha256"), Rows.instant(r, "signed_at")));
    }

    /** Who signed the pledge, in the order they signed. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<PledgeViews.Signer> signers(UUID pledgeId, PageRequest page) {
        String after = page.after().map(a -> "and (s.signed_at, s.person_id) > (cast(:at as timestamptz), "
                + "cast(:after as uuid)) ").orElse("");
        var query = em.createNativeQuery("select s.person_id as person_id, p.name as person_name, s.signed_at as "
                + "signed_at from pledge_signature s join person p on p.id = s.person_id where s.pledge_id = :pledge "
                + after + "order by s.signed_at, s.person_id", Tuple.class).setParameter("pledge", pledgeId)
                .setMaxResults(page.fetchSize());
        page.after().ifPresent(a -> query.setParameter("at", a.get(0)).setParameter("after", a.get(1)));
        List<Tuple> rows = query.getResultList();
        return page.page(rows, r -> List.of(Rows.instant(r, "signed_at").toString(), Rows.uuid(r, "person_id")
                .toString()), r -> new PledgeViews.Signer(Rows.uuid(r, "person_id"), PledgeService.name(r),
                        Rows.instant(r, "signed_at")));
    }
}
