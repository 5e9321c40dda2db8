package cn.zhibu.study.checkin;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.points.PointsAccess;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.study.StudyProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Who the caller studies as, and whose check-ins they may read: their own, or in units where they read points. */
@ApplicationScoped
public class CheckInAccess {

    private final Access access;
    private final PersonService people;
    private final PointsAccess readers;

    CheckInAccess(Access access, PersonService people, PointsAccess readers) {
        this.access = access;
        this.people = people;
        this.readers = readers;
    }

    /** The caller's own person; 403 {@code STUDY_NOT_A_PERSON} for staff accounts and API clients. */
    public UUID self() {
        return access.personId().orElseThrow(() -> new ProblemException(StudyProblem.STUDY_NOT_A_PERSON));
    }

    /** The caller's own branch (read with the caller), or the last they had; 404 for someone who never had one. */
    public UUID ownBranch(UUID self) {
        return access.branchId().orElseGet(() -> branchOf(self));
    }

    /** The person's branch (where their points are credited); 404 for someone who never had one. */
    public UUID branchOf(UUID personId) {
        return people.homeUnit(personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    /** The person named, or the caller's own person when none is. */
    public UUID personOrSelf(java.util.Optional<UUID> named) {
        return named.orElseGet(this::self);
    }

    /**
     * One's own, or a person the caller reads points of: in their branch or a party group or department
     * they belong to now (404 outside sight, 403 seen). The same rule as ledgers and member files.
     */
    public void requireReadable(UUID personId) {
        readers.readable(personId);
    }

    /**
     * The caller reviews a check-in or make-up of this person, made in this branch: CHECK_IN_REVIEW there
     * (404 outside sight, 403 seen), and never on their own (403 {@code REVIEW_OF_OWN}).
     */
    public void requireReviewer(UUID personId, UUID branchId) {
        access.require(cn.zhibu.platform.security.Action.CHECK_IN_REVIEW, branchId);
        if (access.personId().filter(personId::equals).isPresent()) {
            throw new ProblemException(CheckInProblem.REVIEW_OF_OWN);
        }
    }
}
