package cn.zhibu.org.people;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.org.OrgUnitService;
import cn.zhibu.org.people.PersonViews.PersonView;
import cn.zhibu.platform.crypto.FieldCipher;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** People, their details and their memberships of a branch and its party groups or departments. */
@ApplicationScoped
public class PersonService implements cn.zhibu.platform.crypto.EncryptedColumns {

    private final FieldCipher cipher;
    private final BusinessCalendar calendar;
    private final OrgUnitService units;
    private final EntityManager em;
    private final Event<LeadingCadreAppointed> appointed;

    PersonService(FieldCipher cipher, BusinessCalendar calendar, OrgUnitService units, EntityManager em,
            Event<LeadingCadreAppointed> appointed) {
        this.em = em;
        this.appointed = appointed;
        this.cipher = cipher;
        this.calendar = calendar;
        this.units = units;
    }

    @Transactional
    public PersonView create(PersonViews.Create request, boolean revealPhone) {
        if (request.externalId() != null && Person.count("externalId", request.externalId()) > 0) {
            throw new ProblemException(PeopleProblem.PERSON_EXTERNAL_ID_TAKEN, request.externalId());
        }
        LocalDate since = request.since() == null ? calendar.today() : request.since();
        notInFuture(since);
        List<OrgUnit> joined = joinable(request.branchId(), request.groupIds());
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.externalId = request.externalId();
        details(person, request.name(), request.gender(), request.birthDate(), request.politicalStatus(),
                request.partyJoinDate(), request.jobTitle(), request.leadingCadre(), request.phone());
        person.active = true;
        person.createdAt = calendar.now();
        person.updatedAt = person.createdAt;
        person.persist();
        joined.forEach(unit -> open(person.id, unit, since));
        try {
            Person.flush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null && violation.getConstraintName().contains("external_id")) {
                throw new ProblemException(PeopleProblem.PERSON_EXTERNAL_ID_TAKEN, request.externalId());
            }
            throw e;
        }
        if (person.leadingCadre) {
            appointed(person.id, since);
        }
        return view(person, revealPhone);
    }

    /**
     * The unit a person belongs to for access checks: their current branch, or the last one if they
     * left. Empty for an unknown person.
     */
    public Optional<UUID> homeUnit(UUID personId) {
        return Optional.ofNullable(homeUnits(List.of(personId)).get(personId));
    }

    /** {@link #homeUnit} of many people at once: person id to unit id, for the known ones. */
    public Map<UUID, UUID> homeUnits(java.util.Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        List<Tuple> rows = em.createNativeQuery("select distinct on (person_id) person_id as person_id, "
                + "org_unit_id as org_unit_id from membership where person_id = any(cast(:people as uuid[])) and is_branch "
                + "order by person_id, end_date is null desc, start_date desc, end_date desc", Tuple.class)
                .setParameter("people", personIds.stream().map(UUID::toString).toArray(String[]::new)).getResultList();
        Map<UUID, UUID> units = new java.util.HashMap<>();
        rows.forEach(row -> units.put(Rows.uuid(row, "person_id"), Rows.uuid(row, "org_unit_id")));
        return units;
    }

    /** Tells whoever follows it that a person (in a branch, flushed) became a leading cadre on that day. */
    public void appointed(UUID personId, LocalDate on) {
        homeUnit(personId).ifPresent(branch -> appointed.fire(new LeadingCadreAppointed(personId, branch, on)));
    }

    /** The units a person belongs to now (their branch and its party groups or departments); empty if none. */
    public List<UUID> currentUnits(UUID personId) {
        return em.createQuery("select m.orgUnitId from Membership m where m.personId = :person and m.endDate is null "
                + "order by m.branch desc, m.orgUnitId", UUID.class).setParameter("person", personId).getResultList();
    }

    public boolean isActive(UUID personId) {
        return Person.count("id = ?1 and active = true", personId) > 0;
    }

    public Optional<PersonView> find(UUID id, boolean revealPhone) {
        return Person.<Person>findByIdOptional(id).map(p -> view(p, revealPhone));
    }

    @Transactional
    public PersonView change(UUID id, IfMatch precondition, PersonViews.Change request, boolean revealPhone) {
        Person person = locked(id);
        precondition.check(person.version);
        if (person.erasedAt != null) {
            throw new ProblemException(PeopleProblem.PERSON_ERASED);
        }
        boolean wasCadre = person.leadingCadre;
        details(person, request.name(), request.gender(), request.birthDate(), request.politicalStatus(),
                request.partyJoinDate(), request.jobTitle(), request.leadingCadre(), request.phone());
        person.updatedAt = calendar.now();
        person.persistAndFlush();
        if (person.leadingCadre && !wasCadre) {
            appointed(id, calendar.today());
        }
        return view(person, revealPhone);
    }

    /** Ends the current memberships the day before {@code date} and starts the new ones on it. */
    @Transactional
    public PersonView transfer(UUID id, IfMatch precondition, PersonViews.Transfer request, boolean revealPhone) {
        Person person = locked(id);
        precondition.check(person.version);
        if (!person.active) {
            throw new ProblemException(PeopleProblem.PERSON_HAS_LEFT, person.name);
        }
        notInFuture(request.date());
        List<OrgUnit> joined = joinable(request.branchId(), request.groupIds());
        move(person, Membership.list("personId = ?1 and endDate is null", id), joined, request.date());
        touch(person);
        return view(person, revealPhone);
    }

    /**
     * Ends the person's {@code current} memberships the day before {@code date} and starts memberships
     * of {@code joined} on it. The caller holds the tree steady and has checked the units
     * ({@link #checkJoinable}); 422 when a current membership starts on or after {@code date}.
     */
    public void move(Person person, List<Membership> current, List<OrgUnit> joined, LocalDate date) {
        for (Membership membership : current) {
            if (!membership.startDate.isBefore(date)) {
                throw new ProblemException(PeopleProblem.PERSON_DATE_TOO_EARLY, date.toString(),
                        membership.startDate.toString());
            }
            membership.endDate = date.minusDays(1);
        }
        Membership.flush(); // the old memberships end before the new ones start (unique current memberships)
        join(person, joined, date);
    }

    /** Starts the person's memberships of {@code joined} (checked, see {@link #checkJoinable}) on {@code since}. */
    public void join(Person person, List<OrgUnit> joined, LocalDate since) {
        joined.forEach(unit -> open(person.id, unit, since));
    }

    /** The person leaves: memberships end on {@code date}, and they are no longer active. */
    @Transactional
    public PersonView leave(UUID id, IfMatch precondition, LocalDate date, boolean revealPhone) {
        Person person = locked(id);
        precondition.check(person.version);
        if (!person.active) {
            throw new ProblemException(PeopleProblem.PERSON_HAS_LEFT, person.name);
        }
        notInFuture(date);
        for (Membership membership : Membership.<Membership>list("personId = ?1 and endDate is null", id)) {
            if (date.isBefore(membership.startDate)) {
                throw new ProblemException(PeopleProblem.PERSON_DATE_TOO_EARLY, date.toString(),
                        membership.startDate.toString());
            }
            membership.endDate = date;
        }
        person.active = false;
        person.leftOn = date;
        touch(person);
        return view(person, revealPhone);
    }

    /** People by name (and id), optionally whose name contains {@code text}, in a unit's subtree now. */
    public Page<PersonView> search(Optional<String> text, Optional<UUID> unitId, Access.Reach within,
            boolean includeLeft, PageRequest page, boolean revealPhone) {
        StringBuilder query = new StringBuilder("from Person p where 1 = 1");
        Parameters parameters = new Parameters();
        if (!within.everywhere()) {
            // only people whose branch (their last one, if they left) lies in the caller's reach
            List<String> prefixes = within.unitIds().isEmpty() ? List.of()
                    : OrgUnit.<OrgUnit>list("id in ?1", within.unitIds()).stream().map(u -> u.path).toList();
            if (prefixes.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            StringBuilder anyPrefix = new StringBuilder();
            for (int i = 0; i < prefixes.size(); i++) {
                anyPrefix.append(i == 0 ? "" : " or ").append("r.path like :reach").append(i);
                parameters.and("reach" + i, prefixes.get(i) + "%");
            }
            // a person who left counts in their last branch only, as for reading them one by one
            query.append(" and exists (select 1 from Membership rm, OrgUnit r where rm.personId = p.id and rm.branch = true"
                    + " and (rm.endDate is null or (p.active = false and rm.endDate = (select max(lm.endDate)"
                    + " from Membership lm where lm.personId = p.id and lm.branch = true)))"
                    + " and r.id = rm.orgUnitId and (").append(anyPrefix).append("))");
        }
        text.ifPresent(t -> {
            query.append(" and lower(p.name) like :text escape '!'");
            String literal = t.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            parameters.and("text", "%" + literal + "%");
        });
        unitId.ifPresent(u -> {
            OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(u).orElseThrow(
                    () -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId", "an org unit"));
            query.append(" and exists (select 1 from Membership m, OrgUnit o where m.personId = p.id"
                    + " and m.endDate is null and o.id = m.orgUnitId and o.path like :prefix)");
            parameters.and("prefix", unit.path + "%");
        });
        if (!includeLeft) {
            query.append(" and p.active = true");
        }
        page.after().ifPresent(after -> {
            query.append(" and (p.name > :name or (p.name = :name and p.id > :id))");
            parameters.and("name", after.get(0)).and("id", UUID.fromString(after.get(1)));
        });
        List<Person> rows = Person.<Person>find(query + " order by p.name, p.id", parameters)
                .page(0, page.fetchSize()).list();
        Map<UUID, PersonView> viewed = views(rows, revealPhone).stream()
                .collect(Collectors.toMap(PersonView::id, v -> v));
        return page.page(rows, p -> List.of(p.name, p.id.toString()), p -> viewed.get(p.id));
    }

    /** The person, locked until the transaction ends, so changes to one person run one at a time. */
    private Person locked(UUID id) {
        Person person = Person.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (person == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return person;
    }

    private void notInFuture(LocalDate date) {
        if (date.isAfter(calendar.today())) {
            throw new ProblemException(PeopleProblem.PERSON_DATE_IN_FUTURE, date.toString());
        }
    }

    /** Sets a person's details (the phone encrypted); 422 when the party dates do not fit the status. */
    public void details(Person person, String name, Gender gender, LocalDate birthDate, PoliticalStatus status,
            LocalDate partyJoinDate, String jobTitle, boolean leadingCadre, String phone) {
        PersonRules.checkPartyDates(status, partyJoinDate, birthDate);
        person.name = name;
        person.gender = gender;
        person.birthDate = birthDate;
        person.politicalStatus = status;
        person.partyJoinDate = partyJoinDate;
        person.jobTitle = jobTitle;
        person.leadingCadre = leadingCadre;
        person.phoneCipher = phone(person.id, phone);
    }

    private byte[] phone(UUID personId, String phone) {
        return phone == null ? null : cipher.encrypt(phone, phoneContext(personId.toString()));
    }

    /** The person's phone number, decrypted; null when none. */
    public String phone(Person person) {
        return person.phoneCipher == null ? null : cipher.decrypt(person.phoneCipher, phoneContext(person.id.toString()));
    }

    Person existing(UUID id) {
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    PersonView view(Person person, boolean revealPhone) {
        return views(List.of(person), revealPhone).get(0);
    }

    /** The views of several people, with their current memberships read in two queries. */
    List<PersonView> views(List<Person> persons, boolean revealPhone) {
        if (persons.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = persons.stream().map(p -> p.id).toList();
        List<Membership> open = Membership.list("personId in ?1 and endDate is null order by startDate, id", ids);
        Map<UUID, OrgUnit> units = OrgUnit.<OrgUnit>list("id in ?1",
                        open.stream().map(m -> m.orgUnitId).distinct().toList()).stream()
                .collect(Collectors.toMap(u -> u.id, u -> u));
        List<PersonView> views = new ArrayList<>(persons.size());
        for (Person person : persons) {
            UUID branch = null;
            List<UUID> groups = new ArrayList<>();
            for (Membership membership : open) {
                if (membership.personId.equals(person.id)) {
                    OrgUnit unit = units.get(membership.orgUnitId);
                    if (unit.kind == OrgUnitKind.BRANCH) {
                        branch = unit.id;
                    } else {
                        groups.add(unit.id);
                    }
                }
            }
            String phone = phone(person);
            if (phone != null && !revealPhone) {
                phone = phone.substring(0, 3) + "****" + phone.substring(7);
            }
            views.add(new PersonView(person.id, person.externalId, person.name, person.gender, person.birthDate,
                    person.politicalStatus, person.partyJoinDate, person.jobTitle, person.leadingCadre, phone, branch,
                    List.copyOf(groups), person.active, person.leftOn, person.version,
                    person.updatedAt.atOffset(ZoneOffset.UTC)));
        }
        return views;
    }

    /**
     * The branch and groups named, checked: an active branch, and active groups or departments of
     * it. The tree is held steady until the transaction ends, so none of them is archived meanwhile.
     */
    private List<OrgUnit> joinable(UUID branchId, List<UUID> groupIds) {
        units.holdTreeSteady();
        OrgUnit branch = unit(branchId);
        List<OrgUnit> groups = new ArrayList<>();
        Set<UUID> distinct = new LinkedHashSet<>(groupIds == null ? List.of() : groupIds);
        for (UUID groupId : distinct) {
            groups.add(unit(groupId));
        }
        return PersonRules.checkJoinable(branch, groups);
    }

    private static OrgUnit unit(UUID id) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(PeopleProblem.PERSON_UNIT_NOT_FOUND, id.toString()));
        if (unit.archived()) {
            throw new ProblemException(PeopleProblem.PERSON_UNIT_ARCHIVED, unit.name);
        }
        return unit;
    }

    private void open(UUID personId, OrgUnit unit, LocalDate since) {
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.personId = personId;
        membership.orgUnitId = unit.id;
        membership.branch = unit.kind == OrgUnitKind.BRANCH;
        membership.startDate = since;
        membership.createdAt = calendar.now();
        membership.persist();
    }

    private void touch(Person person) {
        person.updatedAt = calendar.now();
        person.persistAndFlush();
    }

    /** Phone numbers are encrypted fields (rotated with the field key); a re-encrypted person's version moves on. */
    @Override
    public List<Column> encryptedColumns() {
        return List.of(new Column("person", "id", "uuid", "phone_cipher", PersonService::phoneContext,
                ", version = version + 1"));
    }

    private static String phoneContext(String personId) {
        return "person.phone:" + personId;
    }
}
