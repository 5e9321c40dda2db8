package cn.zhibu.integrity;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may touch which integrity file: the action in the cadre's unit (their branch of the day, or the
 * file's unit if they have none), and never one's own file or a declared relative's.
 */
@RequestScoped
public class IntegrityAccess {

    private final Access access;
    private final PersonService persons;
    private final EntityManager em;

    IntegrityAccess(Access access, PersonService persons, EntityManager em) {
        this.access = access;
        this.persons = persons;
        this.em = em;
    }

    /** The file, when the caller may do this on it: 404 if unknown or out of sight, 403 if not allowed or recused. */
    public IntegrityFile file(UUID fileId, Action action) {
        IntegrityFile file = IntegrityFile.findById(fileId);
        if (file == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return check(file, action);
    }

    /** The file, when the caller may do this on it: 404 if out of sight, 403 if not allowed or recused. */
    public IntegrityFile check(IntegrityFile file, Action action) {
        access.require(action, unitOf(file));
        requireNotRecused(file.personId);
        return file;
    }

    /** The unit a cadre's file is in for access: their branch of the day, or where the file was opened. */
    public UUID unitOf(IntegrityFile file) {
        return persons.homeUnit(file.personId).orElse(file.unitId);
    }

    /**
     * 403 when the caller is the cadre, or either declared the other a relative; and for accounts of no known
     * person (INTEGRITY_NOT_A_PERSON), whose recusal nobody could judge.
     */
    public void requireNotRecused(UUID cadrePersonId) {
        requirePerson();
        if (recused(cadrePersonId)) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_RECUSED);
        }
    }

    /** 403 INTEGRITY_NOT_A_PERSON for accounts of no known person (staff accounts, API clients). */
    public void requirePerson() {
        if (access.personId().isEmpty()) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_NOT_A_PERSON);
        }
    }

    /** Whether the caller may not handle this cadre's file: the cadre, a declared relative, or nobody known. */
    public boolean recused(UUID cadrePersonId) {
        Optional<UUID> me = access.personId();
        if (me.isEmpty()) {
            return true;
        }
        if (me.get().equals(cadrePersonId)) {
            return true;
        }
        return !em.createNativeQuery("select 1 from integrity_relation where (cadre_person_id = ?1 and "
                + "relative_person_id = ?2) or (cadre_person_id = ?2 and relative_person_id = ?1)")
                .setParameter(1, cadrePersonId).setParameter(2, me.get()).setMaxResults(1).getResultList().isEmpty();
    }

    public Access access() {
        return access;
    }
}
