package cn.zhibu.integrity.audit;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/** Where an audit row written from a request (not by its operation) belongs: the file, its unit, the purpose. */
@ApplicationScoped
class AuditPlaces {

    private final EntityManager em;
    private final PersonService persons;

    AuditPlaces(EntityManager em, PersonService persons) {
        this.em = em;
        this.persons = persons;
    }

    /** As the operations record it: the cadre's branch of the day, or where the file was opened. */
    UUID unitOf(UUID fileId) {
        if (fileId == null) {
            return null;
        }
        List<Tuple> files = em.createNativeQuery("select person_id as person_id, unit_id as unit_id from integrity_file "
                + "where id = ?1", Tuple.class).setParameter(1, fileId).getResultList();
        return files.isEmpty() ? null
                : persons.homeUnit(Rows.uuid(files.get(0), "person_id")).orElse(Rows.uuid(files.get(0), "unit_id"));
    }

    UUID fileOfDeclaration(UUID declarationId) {
        if (declarationId == null) {
            return null;
        }
        List<?> files = em.createNativeQuery("select file_id from integrity_declaration where id = ?1")
                .setParameter(1, declarationId).getResultList();
        return files.isEmpty() ? null : (UUID) files.get(0);
    }

    /** The person whose account it is, if any. */
    UUID personOfAccount(UUID accountId) {
        if (accountId == null) {
            return null;
        }
        List<?> people = em.createNativeQuery("select person_id from account where id = ?1")
                .setParameter(1, accountId).getResultList();
        return people.isEmpty() ? null : (UUID) people.get(0);
    }

    /** A purpose as stated, when it names one (anything else was refused for it and is not kept). */
    static String purpose(String stated) {
        return stated != null && stated.matches("^[A-Z_]{1,32}$") ? stated : null;
    }

    /** The text, cut to {@code max} characters. */
    /**
     * What the caller sent, as it can be kept: at most {@code max} characters, control characters (which a refused
     * request may hold, and PostgreSQL cannot store as NUL) shown as U+FFFD.
     */
    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String kept = value.codePointCount(0, value.length()) > max
                ? value.substring(0, value.offsetByCodePoints(0, max)) : value;
        return kept.replaceAll("[\\x00-\\x1F\\x7F]", "\uFFFD");
    }

    static UUID id(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
