package cn.zhibu.org.people.imports;

import cn.zhibu.org.people.imports.ImportViews.ImportErrorView;
import cn.zhibu.org.people.imports.ImportViews.PeopleImportView;
import cn.zhibu.platform.csv.CsvFile;
import cn.zhibu.platform.csv.CsvProblem;
import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.problem.ProblemKind;
import cn.zhibu.org.people.PeopleProblem;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Accepts imports of people from CSV files and tells how they stand and what is wrong with their files. */
@ApplicationScoped
public class PeopleImportService {

    private static final Map<String, ProblemKind> LINE_PROBLEMS = new HashMap<>();

    static {
        for (ProblemKind kind : ImportProblem.values()) {
            LINE_PROBLEMS.put(kind.name(), kind);
        }
        for (ProblemKind kind : CsvProblem.values()) {
            LINE_PROBLEMS.put(kind.name(), kind);
        }
        for (ProblemKind kind : PeopleProblem.values()) {
            LINE_PROBLEMS.put(kind.name(), kind);
        }
    }

    private final BusinessCalendar calendar;
    private final EntityManager em;
    private final Event<ImportQueued> queued;
    private final ObjectMapper json;

    PeopleImportService(BusinessCalendar calendar, EntityManager em, Event<ImportQueued> queued, ObjectMapper json) {
        this.calendar = calendar;
        this.em = em;
        this.queued = queued;
        this.json = json;
    }

    /**
     * Accepts a file: records the import (QUEUED) and, once the transaction commits, starts it in
     * the background. {@code charset} is the Content-Type parameter, if any (415 unless UTF-8 or
     * GB18030); an empty file is a 400.
     */
    /** How many imports one requester may have queued or running at once (each holds its file in memory). */
    static final int MAX_UNFINISHED_PER_REQUESTER = 2;

    @Transactional
    public PeopleImportView queue(byte[] file, String charset, boolean dryRun, String requestedBy, Access.Reach reach) {
        Optional<Charset> declared = CsvFile.declared(charset);
        if (file == null || file.length == 0) {
            throw new ProblemException(CsvProblem.IMPORT_FILE_EMPTY);
        }
        Charset reading = CsvFile.charset(file, declared);
        long unfinished = PeopleImport.count("requestedBy = ?1 and state in ?2", requestedBy,
                java.util.List.of(ImportState.QUEUED, ImportState.RUNNING));
        if (unfinished >= MAX_UNFINISHED_PER_REQUESTER) {
            throw new ProblemException(ImportProblem.IMPORT_TOO_MANY, MAX_UNFINISHED_PER_REQUESTER)
                    .header("Retry-After", 10);
        }
        PeopleImport job = new PeopleImport();
        job.id = UUID.randomUUID();
        job.dryRun = dryRun;
        job.state = ImportState.QUEUED;
        job.charset = CsvFile.label(reading);
        job.fileBytes = file.length;
        job.requestedBy = requestedBy.length() > 200 ? requestedBy.substring(0, 200) : requestedBy;
        job.createdAt = calendar.now();
        job.updatedAt = job.createdAt;
        job.persistAndFlush();
        queued.fire(new ImportQueued(job.id, file, reading, dryRun, reach));
        return view(job);
    }

    /** Who started the import (empty string for an unknown import). */
    public String requestedBy(UUID id) {
        return PeopleImport.<PeopleImport>findByIdOptional(id).map(job -> job.requestedBy).orElse("");
    }

    public Optional<PeopleImportView> find(UUID id) {
        return PeopleImport.<PeopleImport>findByIdOptional(id).map(PeopleImportService::view);
    }

    /** An import's problems in file order, their messages in {@code locale}. */
    public Page<ImportErrorView> errors(UUID id, PageRequest page, Locale locale) {
        if (PeopleImport.findById(id) == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        int after = page.after().map(position -> Integer.parseInt(position.get(0))).orElse(0);
        List<Tuple> rows = em.createNativeQuery("""
                select seq as seq, line as line, column_name as column_name, code as code, args as args
                from people_import_error where import_id = ?1 and seq > ?2 order by seq limit ?3""", Tuple.class)
                .setParameter(1, id).setParameter(2, after).setParameter(3, page.fetchSize()).getResultList();
        return page.page(rows, row -> List.of(String.valueOf(row.get("seq"))), row -> new ImportErrorView(
                Rows.integer(row, "line"), Rows.string(row, "column_name"), Rows.string(row, "code"),
                message(Rows.string(row, "code"), Rows.string(row, "column_name"), args(Rows.string(row, "args")),
                        locale)));
    }

    private static String message(String code, String column, List<String> args, Locale locale) {
        ProblemKind kind = LINE_PROBLEMS.get(code);
        if (kind == null) {
            return code;
        }
        return LineError.message(kind, args, locale);
    }

    private List<String> args(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PeopleImportView view(PeopleImport job) {
        return new PeopleImportView(job.id, job.state, job.dryRun, job.phase, job.charset, job.fileBytes, job.total,
                job.processed, job.created, job.updated, job.transferred, job.unchanged, job.errorCount, job.version,
                utc(job.createdAt), utc(job.startedAt), utc(job.finishedAt));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
