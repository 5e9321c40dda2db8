package cn.zhibu.org.people.imports;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.people.Membership;
import cn.zhibu.org.people.PeopleProblem;
import cn.zhibu.org.people.Person;
import cn.zhibu.org.people.PersonRules;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Compares checked rows with the people stored, a chunk at a time (people read by external id),
 * and, when asked to write, creates, changes and transfers them through {@link PersonService}'s
 * rules: new people join on the business date; a changed branch or groups end the current
 * memberships the day before and start the new ones on it. Identical rows are not touched.
 */
@ApplicationScoped
class ImportApplier {

    static final int CHUNK = 500;

    /** What applying the rows did (or, for a dry run, would do). */
    record Counts(int created, int updated, int transferred, int unchanged) {
    }

    private final PersonService people;
    private final BusinessCalendar calendar;
    private final EntityManager em;

    ImportApplier(PersonService people, BusinessCalendar calendar, EntityManager em) {
        this.people = people;
        this.calendar = calendar;
        this.em = em;
    }

    /**
     * Applies the rows in the caller's transaction. Writes only while {@code write} and no error is
     * known; otherwise only compares, adding every line's problem to {@code errors}. Calls
     * {@code progress} with the rows done after each chunk.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Counts apply(List<ImportRow> rows, java.util.Set<UUID> reachable, boolean write, List<LineError> errors,
            IntConsumer progress) {
        em.unwrap(Session.class).setJdbcBatchSize(CHUNK);
        // PostgreSQL checks each new membership's foreign key to person with a plan it may have cached while the
        // table was nearly empty (a sequential scan): reused while this transaction adds tens of thousands of
        // people, each check would read them all. Planning each check afresh sees the table's real size.
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        LocalDate today = calendar.today();
        Instant now = calendar.now();
        int created = 0;
        int updated = 0;
        int transferred = 0;
        int unchanged = 0;
        // which external ids are known, asked once before anything is written: a lookup per chunk
        // would be planned for the table as it was and slow down as this transaction's inserts grow it
        java.util.Set<String> known = new java.util.HashSet<>(em.createNativeQuery(
                "select external_id from person where external_id = any(cast(:ids as text[]))")
                .setParameter("ids", rows.stream().map(ImportRow::externalId).toArray(String[]::new)).getResultList());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<String> knownHere = chunk.stream().map(ImportRow::externalId).filter(known::contains).toList();
            Map<String, Person> stored = knownHere.isEmpty() ? Map.of()
                    : Person.<Person>list("externalId in ?1", knownHere).stream()
                            .collect(Collectors.toMap(p -> p.externalId, p -> p));
            Map<UUID, List<Membership>> current = stored.isEmpty() ? Map.of()
                    : Membership.<Membership>list("personId in ?1 and endDate is null",
                                    stored.values().stream().map(p -> p.id).toList()).stream()
                            .collect(Collectors.groupingBy(m -> m.personId));
            Map<Person, List<OrgUnit>> joining = new LinkedHashMap<>();
            List<UUID> appointed = new ArrayList<>();
            for (ImportRow row : chunk) {
                boolean writing = write && errors.isEmpty();
                Person person = stored.get(row.externalId());
                try {
                    if (person == null) {
                        PersonRules.checkPartyDates(row.politicalStatus(), row.partyJoinDate(), row.birthDate());
                        created++;
                        if (writing) {
                            joining.put(create(row, now), units(row));
                        }
                    } else {
                        List<Membership> held = current.getOrDefault(person.id, List.of());
                        UUID home = held.isEmpty() ? people.homeUnit(person.id).orElse(null) : held.stream()
                                .filter(m -> m.branch).map(m -> m.orgUnitId).findFirst().orElse(null);
                        if (home == null || !reachable.contains(home)) {
                            // someone of a branch the requester may not import into: never taken over
                            throw new ProblemException(ImportProblem.IMPORT_PERSON_OUT_OF_REACH, row.externalId());
                        }
                        Change change = compare(person, row, held, today);
                        if (change.details() || change.moves()) {
                            updated++;
                            transferred += change.moves() ? 1 : 0;
                            if (writing) {
                                boolean wasCadre = person.leadingCadre;
                                change(person, row, change, current.getOrDefault(person.id, List.of()), today, now);
                                if (person.leadingCadre && !wasCadre) {
                                    appointed.add(person.id);
                                }
                            }
                        } else {
                            unchanged++;
                        }
                    }
                } catch (ProblemException e) {
                    errors.add(LineError.of(row.line(), columnOf(e), e.code(), e.args()));
                }
            }
            if (write && errors.isEmpty()) {
                joining.forEach((person, units) -> people.join(person, units, today));
                joining.keySet().stream().filter(p -> p.leadingCadre).forEach(p -> appointed.add(p.id));
                em.flush();
                appointed.forEach(id -> people.appointed(id, today)); // their integrity files open with them
                em.flush();
            }
            em.clear();
            progress.accept(from + chunk.size());
        }
        return new Counts(created, updated, transferred, unchanged);
    }

    /** Whether a stored person's details and units differ from the row (absent columns keep theirs). */
    private record Change(boolean details, boolean moves, Details values) {
    }

    private record Details(LocalDate partyJoinDate, String jobTitle, boolean leadingCadre, String phone) {
    }

    private Change compare(Person person, ImportRow row, List<Membership> memberships, LocalDate today) {
        if (!person.active) {
            throw new ProblemException(PeopleProblem.PERSON_HAS_LEFT, row.externalId());
        }
        ImportRow.Presence present = row.present();
        String phone = people.phone(person);
        Details values = new Details(present.partyJoinDate() ? row.partyJoinDate() : person.partyJoinDate,
                present.jobTitle() ? row.jobTitle() : person.jobTitle,
                present.leadingCadre() ? row.leadingCadre() : person.leadingCadre,
                present.phone() ? row.phone() : phone);
        PersonRules.checkPartyDates(row.politicalStatus(), values.partyJoinDate(), row.birthDate());
        boolean details = !(Objects.equals(person.name, row.name()) && person.gender == row.gender()
                && Objects.equals(person.birthDate, row.birthDate())
                && person.politicalStatus == row.politicalStatus()
                && Objects.equals(person.partyJoinDate, values.partyJoinDate())
                && Objects.equals(person.jobTitle, values.jobTitle())
                && person.leadingCadre == values.leadingCadre()
                && Objects.equals(phone, values.phone()));
        UUID branch = memberships.stream().filter(m -> m.branch).map(m -> m.orgUnitId).findFirst().orElse(null);
        Set<UUID> groups = memberships.stream().filter(m -> !m.branch).map(m -> m.orgUnitId)
                .collect(Collectors.toSet());
        boolean sameBranch = row.branch().id.equals(branch);
        Set<UUID> wanted = row.groups() == null ? (sameBranch ? groups : Set.of())
                : row.groups().stream().map(g -> g.id).collect(Collectors.toSet());
        boolean moves = !sameBranch || !wanted.equals(groups);
        if (moves) {
            for (Membership membership : memberships) {
                if (!membership.startDate.isBefore(today)) {
                    throw new ProblemException(PeopleProblem.PERSON_DATE_TOO_EARLY, today.toString(),
                            membership.startDate.toString());
                }
            }
        }
        return new Change(details, moves, values);
    }

    private Person create(ImportRow row, Instant now) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.externalId = row.externalId();
        people.details(person, row.name(), row.gender(), row.birthDate(), row.politicalStatus(), row.partyJoinDate(),
                row.jobTitle(), Boolean.TRUE.equals(row.leadingCadre()), row.phone());
        person.active = true;
        person.createdAt = now;
        person.updatedAt = now;
        person.persist();
        return person;
    }

    private void change(Person person, ImportRow row, Change change, List<Membership> memberships, LocalDate today,
            Instant now) {
        if (change.details()) {
            Details values = change.values();
            people.details(person, row.name(), row.gender(), row.birthDate(), row.politicalStatus(),
                    values.partyJoinDate(), values.jobTitle(), values.leadingCadre(), values.phone());
        }
        if (change.moves()) {
            people.move(person, memberships, units(row), today);
        }
        person.updatedAt = now;
    }

    private static List<OrgUnit> units(ImportRow row) {
        List<OrgUnit> units = new ArrayList<>();
        units.add(row.branch());
        if (row.groups() != null) {
            units.addAll(row.groups());
        }
        return units;
    }

    private static String columnOf(ProblemException e) {
        if (e.code() == PeopleProblem.PERSON_DATES_INCONSISTENT) {
            return ImportColumn.PARTY_JOIN_DATE.english();
        }
        if (e.code() == PeopleProblem.PERSON_DATE_TOO_EARLY) {
            return ImportColumn.BRANCH.english();
        }
        return ImportColumn.EXTERNAL_ID.english();
    }
}
