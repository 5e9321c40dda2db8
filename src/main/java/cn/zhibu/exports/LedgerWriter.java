package cn.zhibu.exports;

import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hibernate.jpa.AvailableHints;

/**
 * Writes a unit's year as the ZIP of the inspection ledger: {@code ledger.xlsx} (one sheet per section, written
 * streaming with SXSSF: only a window of rows is in memory, the rest in a compressed temporary file), the minutes'
 * attachments of the year's sessions under {@code attachments/}, and {@code manifest.json}, which lists every other
 * file with its size and SHA-256. Reads in the caller's transaction, rows streamed from the database in batches.
 */
@ApplicationScoped
public class LedgerWriter {

    /** Rows kept in memory per sheet while it is written. */
    private static final int WINDOW = 200;
    private static final int FETCH = 500;

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final ExportSettings settings;
    private final ObjectMapper json;

    LedgerWriter(EntityManager em, BusinessCalendar calendar, ExportSettings settings, ObjectMapper json) {
        this.em = em;
        this.calendar = calendar;
        this.settings = settings;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Told when a section starts (its position, from 0, of how many; {@code null} once every sheet is read), and
     * told of work going on (each row, each attachment, the workbook's writing) so that a long one keeps its claim.
     */
    public interface Progress {
        void section(ExportSection section, int done, int of);

        void working();
    }

    /** A file written into the ZIP, as the manifest lists it. */
    record Entry(String path, long bytes, String sha256) {
    }

    /** The ZIP written, with its SHA-256 (hex). */
    public record Written(Path zip, String sha256) {
    }

    /** Writes the export's ZIP into a temporary file (the caller deletes it). */
    public Written write(ExportViews.Job job, Progress progress) throws IOException {
        String path = (String) em.createNativeQuery("select path from org_unit where id = :id")
                .setParameter("id", job.unitId()).getSingleResult();
        String unitName = (String) em.createNativeQuery("select name from org_unit where id = :id")
                .setParameter("id", job.unitId()).getSingleResult();
        Path workbook = Files.createTempFile("ledger-", ".xlsx");
        Path zip = Files.createTempFile("ledger-", ".zip");
        try {
            List<Entry> entries = new ArrayList<>();
            MessageDigest zipDigest = sha256();
            try (OutputStream file = new DigestOutputStream(Files.newOutputStream(zip), zipDigest);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                writeWorkbook(job, path, workbook, progress);
                progress.working();
                entries.add(copy(out, "ledger.xlsx", Files.newInputStream(workbook)));
                if (job.sections().contains(ExportSection.SESSIONS)) {
                    attachments(job, path, out, entries, progress);
                }
                progress.working();
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("unitId", job.unitId());
                manifest.put("unitName", unitName);
                manifest.put("year", job.year());
                manifest.put("sections", job.sections());
                manifest.put("exportId", job.id());
                manifest.put("generatedAt", calendar.nowInZone().toString());
                manifest.put("generatedBy", job.requestedBy());
                manifest.put("files", entries);
                out.putNextEntry(new ZipEntry("manifest.json"));
                out.write(json.writeValueAsBytes(manifest));
                out.closeEntry();
            }
            return new Written(zip, HexFormat.of().formatHex(zipDigest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        } finally {
            Files.deleteIfExists(workbook);
        }
    }

    private void writeWorkbook(ExportViews.Job job, String path, Path target, Progress progress) throws IOException {
        ZoneId zone = calendar.zone();
        LocalDate from = LocalDate.of(job.year(), 1, 1);
        LocalDate until = from.plusYears(1);
        Map<String, Object> parameters = Map.of("path", path, "day0", from, "day1", until,
                "at0", from.atStartOfDay(zone).toInstant(), "at1", until.atStartOfDay(zone).toInstant(),
                "year", job.year(), "today", calendar.today());
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            workbook.setCompressTempFiles(true);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            int done = 0;
            for (ExportSection section : job.sections()) {
                progress.section(section, done++, job.sections().size());
                LedgerSheets.Sheet sheet = LedgerSheets.of(section);
                SXSSFSheet out = workbook.createSheet(section.sheet());
                out.createFreezePane(0, 1);
                Row head = out.createRow(0);
                for (int c = 0; c < sheet.columns().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(sheet.columns().get(c).header());
                    cell.setCellStyle(header);
                    out.setColumnWidth(c, sheet.columns().get(c).width() * 256);
                }
                Query query = em.createNativeQuery(sheet.sql()).setHint(AvailableHints.HINT_FETCH_SIZE, FETCH)
                        .setHint(AvailableHints.HINT_READ_ONLY, true);
                parameters.forEach((name, value) -> {
                    if (sheet.sql().contains(":" + name)) {
                        query.setParameter(name, value);
                    }
                });
                int[] rows = {0};
                try (Stream<?> results = query.getResultStream()) {
                    results.forEach(result -> {
                        if (rows[0] >= settings.maxRowsPerSheet()) {
                            throw new ExportFailure("the sheet " + section.sheet() + " would have more than "
                                    + settings.maxRowsPerSheet() + " rows (zhibu.exports.max-rows-per-sheet)");
                        }
                        progress.working();
                        Object[] values = result instanceof Object[] array ? array : new Object[] {result};
                        Row row = out.createRow(++rows[0]);
                        for (int c = 0; c < sheet.columns().size(); c++) {
                            cell(row.createCell(c), sheet.columns().get(c).type(), values[c], zone, date, dateTime);
                        }
                    });
                }
                em.clear();
            }
            progress.section(null, done, job.sections().size());
            progress.working();
            try (OutputStream file = Files.newOutputStream(target)) {
                workbook.write(file);
            }
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static void cell(Cell cell, LedgerSheets.Type type, Object value, ZoneId zone, CellStyle date,
            CellStyle dateTime) {
        if (value == null) {
            return;
        }
        switch (type) {
            case NUMBER -> cell.setCellValue(((Number) value).doubleValue());
            case DATE -> {
                cell.setCellValue(value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value);
                cell.setCellStyle(date);
            }
            case DATE_TIME -> {
                cell.setCellValue(LocalDateTime.ofInstant(instant(value), zone));
                cell.setCellStyle(dateTime);
            }
            case TEXT -> cell.setCellValue(value.toString());
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** The minutes' attachments of the year's sessions, each read on its own (one in memory at a time). */
    private void attachments(ExportViews.Job job, String path, ZipOutputStream out, List<Entry> entries,
            Progress progress) throws IOException {
        LocalDate from = LocalDate.of(job.year(), 1, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> files = em.createNativeQuery("""
                select x.party_day_id, x.id, d.held_on, x.position, x.file_name from minutes_attachment x
                join party_day d on d.id = x.party_day_id join org_unit b on b.id = d.branch_id
                where b.path like :path || '%' and d.held_on >= :day0 and d.held_on < :day1
                order by d.held_on, d.id, x.position""").setParameter("path", path).setParameter("day0", from)
                .setParameter("day1", from.plusYears(1)).getResultList();
        for (Object[] file : files) {
            progress.working();
            byte[] content = (byte[]) em.createNativeQuery("select content from minutes_attachment where "
                    + "party_day_id = :day and id = :id").setParameter("day", file[0]).setParameter("id", file[1])
                    .getSingleResult();
            LocalDate held = file[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) file[2];
            String name = "attachments/" + held + "_" + file[0].toString().substring(0, 8) + "/" + file[3] + "_"
                    + safe((String) file[4]);
            entries.add(copy(out, name, new java.io.ByteArrayInputStream(content)));
            em.clear();
        }
    }

    /** A file name safe inside the ZIP: letters, digits, dot, dash and underscore; nothing that climbs out. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("\\.{2,}", "_");
        return cleaned.isEmpty() ? "file" : cleaned;
    }

    private static Entry copy(ZipOutputStream out, String name, InputStream in) throws IOException {
        MessageDigest digest = sha256();
        long bytes = 0;
        out.putNextEntry(new ZipEntry(name));
        try (InputStream source = in) {
            byte[] buffer = new byte[65536];
            int read;
            while ((read = source.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
                bytes += read;
            }
        }
        out.closeEntry();
        return new Entry(name, bytes, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
