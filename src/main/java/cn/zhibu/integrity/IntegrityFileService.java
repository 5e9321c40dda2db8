package cn.zhibu.integrity;

import cn.zhibu.integrity.audit.IntegrityAudit;
import cn.zhibu.integrity.checkpoint.CheckpointViews;
import cn.zhibu.integrity.checkpoint.Checkpoints;
import cn.zhibu.integrity.entry.Entry;
import cn.zhibu.integrity.entry.EntryContent;
import cn.zhibu.integrity.entry.EntryLedger;
import cn.zhibu.integrity.entry.Payload;
import cn.zhibu.org.people.Person;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Opens files, appends their entries, reads them for a purpose, verifies their chains, lists what is overdue. */
@ApplicationScoped
public class IntegrityFileService {

    private static final UUID NOBODY = new UUID(0, 0);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final EntryLedger ledger;
    private final IntegrityAudit audit;
    private final PersonService persons;
    private final IntegrityAccess guard;
    private final OverdueFiles overdueFiles;
    private final Checkpoints checkpoints;

    IntegrityFileService(EntityManager em, BusinessCalendar calendar, EntryLedger ledger, IntegrityAudit audit,
            PersonService persons, IntegrityAccess guard, Checkpoints checkpoints,
            OverdueFiles overdueFiles) {
        this.em = em;
        this.checkpoints = checkpoints;
        this.calendar = calendar;
        this.ledger = ledger;
        this.audit = audit;
        this.persons = persons;
        this.guard = guard;
        this.overdueFiles = overdueFiles;
    }

    /** Opens a file for a person in {@code unitId} (their branch). 409 when they have one. */
    @Transactional
    public IntegrityViews.FileView open(IntegrityViews.Open request, UUID unitId, UUID openedBy) {
        LocalDate today = calendar.today();
        if (request.reason() == IntegrityFile.OpenedReason.APPOINTMENT && request.appointedOn() == null) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "appointedOn", "the day of the appointment");
        }
        if (request.appointedOn() != null && request.appointedOn().isAfter(today)) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_DATES_INCONSISTENT, "appointedOn");
        }
        IntegrityFile file = create(request.personId(), unitId, request.reason(), request.appointedOn(),
                request.reviewMonths() == null ? 12 : request.reviewMonths(), openedBy);
        audit.allowed(IntegrityAudit.Subject.file(file.id, unitId), 201);
        return view(file, unitId, name(file.personId));
    }

    /**
     * Opens the file of a person just appointed a leading cadre, unless they have one: the first profile is
     * due a month after the appointment. Runs in the transaction of the change that appointed them.
     */
    public Optional<IntegrityFile> openOnAppointment(UUID personId, UUID unitId, LocalDate appointedOn) {
        if (IntegrityFile.count("personId", personId) > 0) {
            return Optional.empty();
        }
        IntegrityFile file = create(personId, unitId, IntegrityFile.OpenedReason.APPOINTMENT, appointedOn, 12, null);
        audit.record(cn.zhibu.integrity.audit.AuditAction.OPEN_FILE, IntegrityAudit.Subject.file(file.id, unitId));
        return Optional.of(file);
    }

    private IntegrityFile create(UUID personId, UUID unitId, IntegrityFile.OpenedReason reason, LocalDate appointedOn,
            int reviewMonths, UUID openedBy) {
        // one file per person: the person's row lock orders two openings, the unique index catches the rest
        em.find(Person.class, personId, LockModeType.PESSIMISTIC_WRITE);
        if (IntegrityFile.count("personId", personId) > 0) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_FILE_EXISTS, personId.toString());
        }
        LocalDate today = calendar.today();
        IntegrityFile file = new IntegrityFile();
        file.id = UUID.randomUUID();
        file.personId = personId;
        file.unitId = unitId;
        file.openedReason = reason;
        file.appointedOn = appointedOn;
        file.profileDue = (appointedOn == null ? today : appointedOn).plusMonths(1);
        file.reviewMonths = reviewMonths;
        file.nextReviewDue = today.plusMonths(reviewMonths);
        file.state = IntegrityFile.State.OPEN;
        file.entryCount = 0;
        file.openedAt = calendar.now();
        file.openedBy = openedBy;
        file.updatedAt = file.openedAt;
        file.persist();
        return file;
    }

    /** The files in reach the caller is not recused from, by cadre name. */
    @Transactional
    public Page<IntegrityViews.FileView> list(Access.Reach reach, Optional<UUID> me, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select f.id as id, p.name as name from integrity_file f join person p on p.id = f.person_id
                join org_unit u on u.id = coalesce((select m.org_unit_id from membership m where m.person_id = f.person_id
                    and m.is_branch order by m.end_date is null desc, m.start_date desc, m.end_date desc limit 1), f.unit_id)
                where f.person_id <> :me and not exists (select 1 from integrity_relation r
                    where (r.cadre_person_id = f.person_id and r.relative_person_id = :me)
                       or (r.cadre_person_id = :me and r.relative_person_id = f.person_id))""");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", me.orElse(NOBODY));
        if (!reach.everywhere()) {
            List<String> prefixes = reach.unitIds().stream().map(id -> "%/" + id + "/%").toList();
            if (prefixes.isEmpty()) {
                audit.allowed(IntegrityAudit.Subject.none(), 200);
                return new Page<>(List.of(), null);
            }
            sql.append(" and u.path like any (cast(:prefixes as text[]))");
            parameters.put("prefixes", prefixes.toArray(String[]::new));
        }
        page.after().ifPresent(after -> {
            sql.append(" and (p.name > :afterName or (p.name = :afterName and f.id > :afterId))");
            parameters.put("afterName", after.get(0));
            parameters.put("afterId", UUID.fromString(after.get(1)));
        });
        var query = em.createNativeQuery(sql + " order by p.name, f.id limit " + page.fetchSize(), Tuple.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Map<UUID, IntegrityFile> files = byId(rows.stream().map(r -> Rows.uuid(r, "id")).toList());
        Page<Tuple> shown = page.page(rows, r -> List.of(Rows.string(r, "name"), Rows.uuid(r, "id").toString()),
                r -> r);
        Map<UUID, UUID> units = units(files.values());
        List<IntegrityViews.FileView> items = shown.items().stream().map(r -> {
            IntegrityFile file = files.get(Rows.uuid(r, "id"));
            return view(file, units.get(file.id), Rows.string(r, "name"));
        }).toList();
        audit.allowed(IntegrityAudit.Subject.none().entries(List.of()), 200);
        return new Page<>(items, shown.nextCursor());
    }

    /** The file as the purpose may see it, when the caller may read it (404, 403, 403 recused otherwise). */
    @Transactional
    public IntegrityViews.FileRead read(UUID fileId, Purpose purpose, String detail) {
        IntegrityFile file = guard.file(fileId, cn.zhibu.platform.security.Action.INTEGRITY_FILE_READ);
        UUID unitId = guard.unitOf(file);
        List<Entry> all = ledger.entries(file.id);
        Map<UUID, UUID> amendedBy = new HashMap<>();
        all.stream().filter(e -> e.amendsId != null).forEach(e -> amendedBy.put(e.amendsId, e.id));
        List<Entry> shown = all.stream().filter(e -> purpose.types().contains(e.type)).toList();
        Map<UUID, Payload> payloads = purpose.showsContent() ? ledger.open(shown) : Map.of();
        List<IntegrityViews.EntryView> entries = shown.stream()
                .map(e -> entryView(e, payloads.get(e.id), amendedBy.get(e.id))).toList();
        audit.allowed(IntegrityAudit.Subject.file(file.id, unitId).entries(shown.stream().map(e -> e.id).toList())
                .purpose(purpose.name(), detail), 200);
        return new IntegrityViews.FileRead(view(file, unitId, name(file.personId)), purpose,
                EnumSet.copyOf(purpose.types()), entries);
    }

    /** Appends an entry filed by an officer who may write the file, audited. */
    @Transactional
    public IntegrityViews.EntryView append(UUID fileId, IntegrityViews.Append request, UUID recordedBy) {
        // locked before it is read at all: a version read earlier in the transaction would be stale by then
        IntegrityFile file = guard.check(locked(fileId), cn.zhibu.platform.security.Action.INTEGRITY_FILE_WRITE);
        UUID unitId = guard.unitOf(file);
        Entry entry = append(file, request.content(), request.amends(), request.amendReason(), null, recordedBy);
        audit.allowed(IntegrityAudit.Subject.file(file.id, unitId).entries(List.of(entry.id)), 201);
        return entryView(entry, new Payload(request.content(), request.amendReason(), null), null);
    }

    /** The file, locked: entries join its chain one at a time. */
    public IntegrityFile locked(UUID fileId) {
        IntegrityFile file = em.find(IntegrityFile.class, fileId, LockModeType.PESSIMISTIC_WRITE);
        if (file == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return file;
    }

    /**
     * Appends an entry at the head of a locked file's chain, signs a checkpoint of the new head and moves the file's
     * dates with it. Not audited here: the operation that calls it records what it did.
     */
    public Entry append(IntegrityFile file, EntryContent content, UUID amends, String amendReason, UUID declarationId,
            UUID recordedBy) {
        if (file.state != IntegrityFile.State.OPEN) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_FILE_CLOSED, file.id.toString());
        }
        check(file, content, amends, amendReason);
        Entry entry = ledger.append(file.id, file.entryCount + 1, file.headHash,
                new EntryLedger.NewEntry(content, amends, amends == null ? null : amendReason, declarationId,
                        recordedBy, calendar.now()));
        file.entryCount = entry.seq;
        file.headHash = entry.hash;
        checkpoints.record(file.id, file.entryCount, file.headHash);
        LocalDate today = calendar.today();
        if (content instanceof EntryContent.Profile) {
            file.profileDue = null;
        } else if (content instanceof EntryContent.ConductReview) {
            file.lastReviewedOn = today;
            file.nextReviewDue = today.plusMonths(file.reviewMonths);
        } else if (content instanceof EntryContent.PersonalMatters report) {
            file.lastReportYear = file.lastReportYear == null ? report.year()
                    : Math.max(file.lastReportYear, report.year());
        } else if (content instanceof EntryContent.Family family) {
            family.members().stream().filter(m -> m.personId() != null)
                    .forEach(m -> em.createNativeQuery("insert into integrity_relation (cadre_person_id, "
                            + "relative_person_id, entry_id) values (?1, ?2, ?3) on conflict do nothing")
                            .setParameter(1, file.personId).setParameter(2, m.personId()).setParameter(3, entry.id)
                            .executeUpdate());
        }
        file.updatedAt = calendar.now();
        return entry;
    }

    private void check(IntegrityFile file, EntryContent content, UUID amends, String amendReason) {
        if (amends != null) {
            Entry amended = Entry.findById(amends);
            if (amended == null || !amended.fileId.equals(file.id) || amended.type != content.type()
                    || amendReason == null) {
                throw new ProblemException(IntegrityProblem.INTEGRITY_AMENDMENT_INVALID, amends.toString());
            }
        } else if (amendReason != null) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "amendReason", "only with amends");
        }
        if (content instanceof EntryContent.ConductReview review) {
            ordered(review.periodFrom(), review.periodTo(), "content.periodTo");
        } else if (content instanceof EntryContent.PersonalMatters report && report.travelAbroad() != null) {
            report.travelAbroad().forEach(t -> ordered(t.from(), t.to(), "content.travelAbroad.to"));
        } else if (content instanceof EntryContent.OpinionReply reply) {
            Entry request = Entry.findById(reply.requestEntryId());
            if (request == null || !request.fileId.equals(file.id)
                    || request.type != cn.zhibu.integrity.entry.EntryType.OPINION_REQUEST) {
                throw new ProblemException(IntegrityProblem.INTEGRITY_OPINION_REQUEST_NOT_FOUND,
                        reply.requestEntryId().toString());
            }
        } else if (content instanceof EntryContent.Family family) {
            family.members().stream().map(EntryContent.Relative::personId).filter(id -> id != null).forEach(id -> {
                if (id.equals(file.personId) || Person.findById(id) == null) {
                    throw new ProblemException(IntegrityProblem.INTEGRITY_RELATIVE_NOT_FOUND, id.toString());
                }
            });
        }
    }

    private static void ordered(LocalDate from, LocalDate to, String field) {
        if (to.isBefore(from)) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_DATES_INCONSISTENT, field);
        }
    }

    /** Checks a file's chain for a caller who may read it, audited as an AUDIT-purpose read of its headers. */
    @Transactional
    public IntegrityViews.Verification verify(UUID fileId) {
        // held against appends (FOR SHARE) while its entries are read: its head and its entries agree
        IntegrityFile file = em.find(IntegrityFile.class, fileId, LockModeType.PESSIMISTIC_READ);
        if (file == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        guard.check(file, cn.zhibu.platform.security.Action.INTEGRITY_FILE_READ);
        UUID unitId = guard.unitOf(file);
        List<Checkpoints.Found> found = checkpoints.latest(file.id);
        Optional<EntryLedger.Break> broken = ledger.verify(file.id, file.entryCount, file.headHash, found.stream()
                .map(f -> new EntryLedger.Anchor(f.checkpoint().entryCount(), f.checkpoint().headHash(), f.signed()))
                .toList());
        audit.allowed(IntegrityAudit.Subject.file(file.id, unitId).purpose(Purpose.AUDIT.name(), "chain verification"),
                200);
        return new IntegrityViews.Verification(file.id, broken.isEmpty(), file.entryCount,
                file.headHash == null ? null : java.util.HexFormat.of().formatHex(file.headHash),
                found.isEmpty() ? null : CheckpointViews.of(found.get(0).checkpoint()),
                broken.map(b -> new IntegrityViews.ChainBreak(b.seq(), b.entryId(), b.problem())).orElse(null));
    }

    /** Files in reach (not the caller's own or a relative's) with a profile, review or annual report overdue. */
    @Transactional
    public IntegrityViews.OverdueList overdue(Access.Reach reach) {
        LocalDate today = calendar.today();
        LocalDate reportDue = overdueFiles.reportDue(today);
        List<IntegrityFile> candidates = overdueFiles.candidates(today);
        Map<UUID, UUID> units = units(candidates);
        Map<UUID, String> paths = paths(units.values());
        Map<UUID, String> names = names(candidates.stream().map(f -> f.personId).toList());
        List<IntegrityViews.Overdue> items = new ArrayList<>();
        for (IntegrityFile file : candidates) {
            String path = paths.get(units.get(file.id));
            if (path == null || !reach.covers(path) || guard.recused(file.personId)) {
                continue;
            }
            List<IntegrityViews.OverdueReason> reasons = overdueFiles.reasons(file, today);
            if (!reasons.isEmpty()) {
                items.add(new IntegrityViews.Overdue(view(file, units.get(file.id), names.get(file.personId)),
                        reasons, reportDue));
            }
        }
        items.sort(Comparator.comparing((IntegrityViews.Overdue o) -> earliest(o.file())).thenComparing(
                o -> o.file().id()));
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        return new IntegrityViews.OverdueList(items);
    }

    private static LocalDate earliest(IntegrityViews.FileView file) {
        return file.profileDue() != null && file.profileDue().isBefore(file.nextReviewDue()) ? file.profileDue()
                : file.nextReviewDue();
    }

    public IntegrityViews.FileView view(IntegrityFile file, UUID unitId, String personName) {
        return new IntegrityViews.FileView(file.id, file.personId, personName, unitId, file.state, file.openedReason,
                file.appointedOn, file.profileDue, file.reviewMonths, file.nextReviewDue, file.lastReviewedOn,
                file.lastReportYear, file.entryCount, file.openedAt, file.version);
    }

    static IntegrityViews.EntryView entryView(Entry entry, Payload payload, UUID amendedBy) {
        return new IntegrityViews.EntryView(entry.id, entry.seq, entry.type, entry.amendsId,
                payload == null ? null : payload.amendReason(), amendedBy, entry.declarationId, entry.recordedAt,
                entry.recordedBy, HexFormat.of().formatHex(entry.hash), payload == null ? null : payload.content());
    }

    private Map<UUID, IntegrityFile> byId(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return IntegrityFile.<IntegrityFile>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
    }

    /** Each file's unit for access: its cadre's branch of the day, or where it was opened. */
    private Map<UUID, UUID> units(java.util.Collection<IntegrityFile> files) {
        Map<UUID, UUID> home = persons.homeUnits(files.stream().map(f -> f.personId).toList());
        Map<UUID, UUID> units = new HashMap<>();
        files.forEach(f -> units.put(f.id, home.getOrDefault(f.personId, f.unitId)));
        return units;
    }

    private Map<UUID, String> paths(java.util.Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> paths = new HashMap<>();
        cn.zhibu.org.OrgUnit.<cn.zhibu.org.OrgUnit>list("id in ?1", Set.copyOf(unitIds))
                .forEach(u -> paths.put(u.id, u.path));
        return paths;
    }

    String name(UUID personId) {
        return names(List.of(personId)).getOrDefault(personId, "");
    }

    public Map<UUID, String> names(List<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        Person.<Person>list("id in ?1", Set.copyOf(personIds)).forEach(p -> names.put(p.id, p.name));
        return names;
    }
}
