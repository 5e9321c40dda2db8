package cn.zhibu.integrity.declaration;

import cn.zhibu.integrity.IntegrityAccess;
import cn.zhibu.integrity.IntegrityFile;
import cn.zhibu.integrity.IntegrityFileService;
import cn.zhibu.integrity.IntegrityProblem;
import cn.zhibu.integrity.audit.IntegrityAudit;
import cn.zhibu.integrity.crypto.Sealer;
import cn.zhibu.integrity.entry.Entry;
import cn.zhibu.integrity.entry.EntryContent;
import cn.zhibu.integrity.entry.EntryType;
import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.FieldError;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cadres' own declarations: submitted sealed, reviewed by the head of the cadre's unit and then an integrity
 * officer, and on acceptance appended to the cadre's file. Each operation audits itself once, on success.
 */
@ApplicationScoped
public class DeclarationService {

    private static final UUID NOBODY = new UUID(0, 0);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Sealer sealer;
    private final ObjectMapper json;
    private final IntegrityAudit audit;
    private final IntegrityAccess guard;
    private final IntegrityFileService files;
    private final PersonService persons;
    private final DeclarationNotices notices;

    DeclarationService(EntityManager em, BusinessCalendar calendar, Sealer sealer, ObjectMapper json,
            IntegrityAudit audit, IntegrityAccess guard, IntegrityFileService files, PersonService persons,
            DeclarationNotices notices) {
        this.em = em;
        this.calendar = calendar;
        this.sealer = sealer;
        this.json = json;
        this.audit = audit;
        this.guard = guard;
        this.files = files;
        this.persons = persons;
        this.notices = notices;
    }

    /** The caller's person: declarations are made and listed by a cadre's own account only. */
    public UUID declarant() {
        return access().personId().orElseThrow(() -> new ProblemException(IntegrityProblem.INTEGRITY_NOT_A_PERSON));
    }

    /**
     * A new declaration of the caller's, awaiting the unit head; 422 when they have no open file. Answered without
     * its content: an answer to a request with an Idempotency-Key is kept as it was sent, unsealed.
     */
    @Transactional
    public DeclarationViews.Summary submit(UUID personId, UUID accountId, EntryContent content, Locale locale) {
        check(content, locale);
        IntegrityFile file = IntegrityFile.<IntegrityFile>find("personId", personId).firstResultOptional()
                .filter(f -> f.state == IntegrityFile.State.OPEN)
                .orElseThrow(() -> new ProblemException(IntegrityProblem.INTEGRITY_NO_FILE));
        Declaration declaration = new Declaration();
        declaration.id = UUID.randomUUID();
        declaration.fileId = file.id;
        declaration.personId = personId;
        declaration.type = content.type();
        declaration.reportYear = content instanceof EntryContent.PersonalMatters report ? report.year() : null;
        declaration.state = Declaration.State.AWAITING_UNIT;
        declaration.submittedAt = calendar.now().truncatedTo(ChronoUnit.MICROS);
        declaration.submittedBy = accountId;
        Sealer.Sealed sealed = sealer.seal(bytes(content), Declaration.context(declaration.id));
        declaration.keyId = sealed.keyId();
        declaration.sealed = sealed.bytes();
        declaration.persist();
        UUID unit = guard.unitOf(file);
        notices.waiting(declaration, unit);
        audit.allowed(IntegrityAudit.Subject.file(file.id, unit).declaration(declaration.id), 201);
        return summary(declaration, unit, files.names(List.of(personId)));
    }

    /** Only what cadres declare themselves, with its dates in order (the file would refuse them later). */
    private static void check(EntryContent content, Locale locale) {
        if (content.type() != EntryType.PERSONAL_MATTERS && content.type() != EntryType.GIFT) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_DECLARATION_TYPE,
                    List.of(new FieldError("content.type", "INVALID_ENUM", java.text.MessageFormat.format(
                            ProblemMessages.text("field.INVALID_ENUM", locale), "PERSONAL_MATTERS, GIFT"))),
                    content.type().name());
        }
        if (content instanceof EntryContent.PersonalMatters report && report.travelAbroad() != null) {
            report.travelAbroad().forEach(t -> ordered(t.from(), t.to(), "content.travelAbroad.to"));
        } else if (content instanceof EntryContent.Gift gift && gift.handledOn() != null) {
            ordered(gift.receivedOn(), gift.handledOn(), "content.handledOn");
        }
    }

    private static void ordered(LocalDate from, LocalDate to, String field) {
        if (to.isBefore(from)) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_DATES_INCONSISTENT, field);
        }
    }

    /** The caller's own declarations, newest first, with their content. */
    @Transactional
    public Page<DeclarationViews.View> mine(UUID personId, PageRequest page) {
        StringBuilder where = new StringBuilder("personId = :person");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("person", personId);
        page.after().ifPresent(after -> {
            where.append(" and (submittedAt < :at or (submittedAt = :at and id < :id))");
            parameters.put("at", Instant.parse(after.get(0)));
            parameters.put("id", UUID.fromString(after.get(1)));
        });
        List<Declaration> rows = Declaration.<Declaration>find(where + " order by submittedAt desc, id desc",
                parameters).page(0, page.fetchSize()).list();
        Optional<IntegrityFile> file = IntegrityFile.find("personId", personId).firstResultOptional();
        UUID unit = file.map(guard::unitOf).orElse(null);
        Map<UUID, String> names = files.names(List.of(personId));
        Page<DeclarationViews.View> result = page.page(rows, d -> List.of(d.submittedAt.toString(), d.id.toString()),
                d -> DeclarationViews.View.of(summary(d, unit, names), open(d)));
        audit.allowed(file.map(f -> IntegrityAudit.Subject.file(f.id, unit)).orElse(IntegrityAudit.Subject.none()),
                200);
        return result;
    }

    /**
     * The review queue: declarations awaiting a stage the caller may review in the cadre's unit, oldest first;
     * never the caller's own or a declared relative's.
     */
    @Transactional
    public Page<DeclarationViews.Summary> queue(Map<Declaration.State, Access.Reach> stages, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select d.id from integrity_declaration d join integrity_file f on f.id = d.file_id
                join org_unit u on u.id = coalesce((select m.org_unit_id from membership m where m.person_id = d.person_id
                    and m.is_branch order by m.end_date is null desc, m.start_date desc, m.end_date desc limit 1), f.unit_id)
                where d.person_id <> :me and not exists (select 1 from integrity_relation r
                    where (r.cadre_person_id = d.person_id and r.relative_person_id = :me)
                       or (r.cadre_person_id = :me and r.relative_person_id = d.person_id))""");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", access().personId().orElse(NOBODY));
        List<String> conditions = new ArrayList<>();
        stages.forEach((state, reach) -> {
            if (reach.everywhere()) {
                conditions.add("d.state = '" + state.name() + "'");
            } else if (!reach.none()) {
                String name = "in" + state.name().toLowerCase(Locale.ROOT).replace("_", "");
                conditions.add("(d.state = '" + state.name() + "' and u.path like any (cast(:" + name
                        + " as text[])))");
                parameters.put(name, reach.unitIds().stream().map(id -> "%/" + id + "/%").toArray(String[]::new));
            }
        });
        if (conditions.isEmpty()) {
            audit.allowed(IntegrityAudit.Subject.none(), 200);
            return new Page<>(List.of(), null);
        }
        sql.append(" and (").append(String.join(" or ", conditions)).append(')');
        page.after().ifPresent(after -> {
            sql.append(" and (d.submitted_at > cast(:afterAt as timestamptz) or (d.submitted_at = "
                    + "cast(:afterAt as timestamptz) and d.id > :afterId))");
            parameters.put("afterAt", after.get(0));
            parameters.put("afterId", UUID.fromString(after.get(1)));
        });
        var query = em.createNativeQuery(sql + " order by d.submitted_at, d.id limit " + page.fetchSize());
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        Map<UUID, Declaration> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Declaration.<Declaration>list("id in ?1", ids).forEach(d -> byId.put(d.id, d));
        }
        List<Declaration> rows = ids.stream().map(byId::get).toList();
        Map<UUID, UUID> units = persons.homeUnits(rows.stream().map(d -> d.personId).distinct().toList());
        Map<UUID, IntegrityFile> filesById = new HashMap<>();
        if (!rows.isEmpty()) {
            IntegrityFile.<IntegrityFile>list("id in ?1", rows.stream().map(d -> d.fileId).distinct().toList())
                    .forEach(f -> filesById.put(f.id, f));
        }
        Map<UUID, String> names = files.names(rows.stream().map(d -> d.personId).distinct().toList());
        Page<DeclarationViews.Summary> result = page.page(rows,
                d -> List.of(d.submittedAt.toString(), d.id.toString()),
                d -> summary(d, units.getOrDefault(d.personId, filesById.get(d.fileId).unitId), names));
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        return result;
    }

    /**
     * One declaration with its content: for the cadre, a reviewer of its current stage in the cadre's unit, or
     * an integrity officer of that unit. 404 for anyone else; 403 for a relative who would otherwise see it.
     */
    @Transactional
    public DeclarationViews.View read(UUID id) {
        Declaration declaration = find(id, false);
        IntegrityFile file = IntegrityFile.findById(declaration.fileId);
        UUID unit = guard.unitOf(file);
        boolean own = access().personId().filter(declaration.personId::equals).isPresent();
        if (!own) {
            // reviewers read it while it awaits review; once decided, it is read in the file, for a purpose
            boolean reviewer = declaration.state == Declaration.State.AWAITING_UNIT
                    && access().allows(Action.INTEGRITY_DECLARATION_REVIEW, unit);
            boolean officer = !declaration.decided() && access().allows(Action.INTEGRITY_FILE_WRITE, unit);
            if (!reviewer && !officer) {
                throw new ProblemException(ProblemCode.NOT_FOUND);
            }
            guard.requireNotRecused(declaration.personId);
        }
        DeclarationViews.View view = DeclarationViews.View.of(
                summary(declaration, unit, files.names(List.of(declaration.personId))), open(declaration));
        audit.allowed(IntegrityAudit.Subject.file(file.id, unit).declaration(declaration.id), 200);
        return view;
    }

    /**
     * Reviews a declaration at its current stage, holding its row lock so that one of two reviewers racing
     * decides and the other gets 409. The unit head approves it on to the officer; the officer approves it
     * into the file. Either may return it with a note.
     */
    @Transactional
    public DeclarationViews.View review(UUID id, DeclarationViews.Review request, UUID accountId, Locale locale) {
        if (request.decision() == DeclarationViews.Decision.RETURN && request.note() == null) {
            throw new ProblemException(ProblemCode.VALIDATION_FAILED, List.of(new FieldError("note", "REQUIRED",
                    ProblemMessages.text("field.REQUIRED", locale))), 1);
        }
        // who may review is settled before anything is locked: others learn nothing and hold up nobody
        UUID unit = em.createQuery("select f.unitId as unitId, f.personId as personId from IntegrityFile f, Declaration d "
                + "where d.id = :id and f.id = d.fileId", Tuple.class).setParameter("id", id).getResultStream().findFirst()
                .map(row -> persons.homeUnit(row.get("personId", UUID.class)).orElse(row.get("unitId", UUID.class)))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        boolean unitHead = access().allows(Action.INTEGRITY_DECLARATION_REVIEW, unit);
        boolean officer = access().allows(Action.INTEGRITY_FILE_WRITE, unit);
        if (!unitHead && !officer) {
            throw new ProblemException(ProblemCode.NOT_FOUND); // as reading it: its existence is not revealed
        }
        Declaration declaration = find(id, true);
        // the file is locked before it is read at all: accepting appends to it, and a version read earlier in
        // the transaction would be stale by then
        IntegrityFile file = files.locked(declaration.fileId);
        guard.requirePerson();
        if (guard.recused(declaration.personId)) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_REVIEW_NOT_YOURS);
        }
        boolean approve = request.decision() == DeclarationViews.Decision.APPROVE;
        Instant now = calendar.now();
        List<UUID> entries = List.of();
        if (declaration.decided()) {
            throw new ProblemException(IntegrityProblem.INTEGRITY_DECLARATION_DECIDED, id.toString());
        } else if (declaration.state == Declaration.State.AWAITING_UNIT) {
            if (!unitHead) {
                throw new ProblemException(IntegrityProblem.INTEGRITY_REVIEW_NOT_YOURS);
            }
            declaration.unitReviewedBy = accountId;
            declaration.unitReviewedAt = now;
            declaration.unitNote = request.note();
            declaration.state = approve ? Declaration.State.AWAITING_OFFICER : Declaration.State.RETURNED;
        } else {
            if (!officer) {
                // a unit head whose stage was decided meanwhile
                throw new ProblemException(IntegrityProblem.INTEGRITY_DECLARATION_DECIDED, id.toString());
            }
            if (accountId.equals(declaration.unitReviewedBy)) {
                // two stages, two reviewers: whoever approved it for the unit does not also accept it
                throw new ProblemException(IntegrityProblem.INTEGRITY_REVIEW_NOT_YOURS);
            }
            declaration.officerReviewedBy = accountId;
            declaration.officerReviewedAt = now;
            declaration.officerNote = request.note();
            if (approve) {
                Entry entry = files.append(file, open(declaration), null, null, declaration.id,
                        accountId);
                declaration.entryId = entry.id;
                entries = List.of(entry.id);
            }
            declaration.state = approve ? Declaration.State.ACCEPTED : Declaration.State.RETURNED;
        }
        em.flush(); // the version moves before it is shown
        notices.waiting(declaration, unit);
        DeclarationViews.View view = DeclarationViews.View.of(
                summary(declaration, unit, files.names(List.of(declaration.personId))), open(declaration));
        audit.allowed(IntegrityAudit.Subject.file(file.id, unit).declaration(declaration.id).entries(entries), 200);
        return view;
    }

    private Declaration find(UUID id, boolean lock) {
        Declaration declaration = lock ? em.find(Declaration.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Declaration.class, id);
        if (declaration == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return declaration;
    }

    private static DeclarationViews.Summary summary(Declaration d, UUID unit, Map<UUID, String> names) {
        return new DeclarationViews.Summary(d.id, d.fileId, d.personId, names.getOrDefault(d.personId, ""), unit,
                d.type, d.reportYear, d.state, d.submittedAt,
                d.unitReviewedAt == null ? null
                        : new DeclarationViews.StageReview(d.unitReviewedBy, d.unitReviewedAt, d.unitNote),
                d.officerReviewedAt == null ? null
                        : new DeclarationViews.StageReview(d.officerReviewedBy, d.officerReviewedAt, d.officerNote),
                d.entryId, d.version);
    }

    private EntryContent open(Declaration declaration) {
        byte[] plain = sealer.open(declaration.keyId, declaration.sealed, Declaration.context(declaration.id));
        try {
            return json.readValue(plain, EntryContent.class);
        } catch (IOException e) {
            throw new IllegalStateException("A declaration's content could not be read", e);
        }
    }

    private byte[] bytes(EntryContent content) {
        try {
            return json.writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A declaration could not be serialised", e);
        }
    }

    private Access access() {
        return guard.access();
    }
}
