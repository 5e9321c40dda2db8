package cn.zhibu.platform.csv;

import cn.zhibu.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An imported file read as text and split into CSV records (RFC 4180: quoted fields, embedded
 * commas and line breaks, CRLF or LF), with the columns its header names. Problems of the file as
 * a whole (encoding, header, broken quoting, wrong field counts) are line errors. Files come as
 * UTF-8 (with or without a byte order mark) or GB18030, as Excel writes them in China.
 */
public final class CsvFile {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})$");

    /** A data record and the line of the file it starts on. */
    public record Line(int number, List<String> values) {
    }

    /**
     * The file's records. {@code readable} is false when the encoding or the header is wrong: then
     * {@code lines} is empty and only {@code errors} tell why.
     */
    public record Contents<C extends Enum<C> & CsvColumn>(Map<C, Integer> columns, List<Line> lines,
            List<LineError> errors, int total, boolean readable) {
    }

    private CsvFile() {
    }

    /** The charset parameter of a text/csv Content-Type (null when none); 415 for another type. */
    public static String charsetParameter(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !type.getType().equalsIgnoreCase("text") || !type.getSubtype().equalsIgnoreCase("csv")) {
            throw new ProblemException(CsvProblem.IMPORT_NOT_CSV, contentType == null ? "-" : contentType);
        }
        return type.getParameters().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("charset"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** A date as spreadsheets write it: yyyy-MM-dd, or yyyy/M/d; IllegalArgumentException otherwise. */
    public static LocalDate date(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(value);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    /**
     * The charset named by a Content-Type {@code charset} parameter: UTF-8, or GB18030 (also for
     * GBK and GB2312, which it extends); empty when none is named; 415 for any other.
     */
    public static Optional<Charset> declared(String charset) {
        if (charset == null || charset.isBlank()) {
            return Optional.empty();
        }
        String name = charset.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "utf-8", "utf8" -> Optional.of(StandardCharsets.UTF_8);
            case "gb18030", "gbk", "gb2312", "cp936" -> Optional.of(GB18030);
            default -> throw new ProblemException(CsvProblem.IMPORT_NOT_CSV, "text/csv; charset=" + charset);
        };
    }

    /**
     * The charset to read with: the declared one; else UTF-8 when the file starts with UTF-8's byte
     * order mark (its bad lines are then reported, never read as GB18030) or all its bytes are valid
     * UTF-8; else GB18030.
     */
    public static Charset charset(byte[] bytes, Optional<Charset> declared) {
        boolean utf8Bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        return declared.orElseGet(() -> utf8Bom || decodes(bytes, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8
                : GB18030);
    }

    public static String label(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GB18030";
    }

    /** Reads the file: decodes it (a byte order mark is dropped), then splits it into records of these columns. */
    public static <C extends Enum<C> & CsvColumn> Contents<C> read(byte[] bytes, Charset charset, Class<C> type) {
        List<LineError> errors = new ArrayList<>();
        String text;
        try {
            text = decoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            badLines(bytes, charset, errors);
            return new Contents<>(new EnumMap<>(type), List.of(), errors, 0, false);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, errors, type);
    }

    private static <C extends Enum<C> & CsvColumn> Contents<C> parse(String text, List<LineError> errors,
            Class<C> type) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        Map<C, Integer> columns = new EnumMap<>(type);
        List<Line> lines = new ArrayList<>();
        int width = -1;
        int total = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int number = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(LineError.of(number, (String) null, CsvProblem.IMPORT_CSV_MALFORMED));
                    break;
                }
                List<String> values = record.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue; // a blank line, or one of empty cells only (Excel writes those for cleared rows)
                }
                if (width < 0) {
                    width = values.size();
                    if (!header(values, number, type, columns, errors)) {
                        return new Contents<>(columns, List.of(), errors, 0, false);
                    }
                    continue;
                }
                total++;
                if (values.size() != width) {
                    errors.add(LineError.of(number, (String) null, CsvProblem.IMPORT_FIELD_COUNT, values.size(),
                            width));
                } else {
                    lines.add(new Line(number, values));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (width < 0) {
            for (C column : type.getEnumConstants()) {
                if (column.required()) {
                    errors.add(LineError.of(1, column, CsvProblem.IMPORT_COLUMN_MISSING, column.english()));
                }
            }
            return new Contents<>(columns, List.of(), errors, 0, false);
        }
        return new Contents<>(columns, lines, errors, total, true);
    }

    /** Maps the header's cells to columns; false when a required column is missing. */
    private static <C extends Enum<C> & CsvColumn> boolean header(List<String> cells, int number, Class<C> type,
            Map<C, Integer> columns, List<LineError> errors) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).trim();
            Optional<C> column = java.util.Arrays.stream(type.getEnumConstants()).filter(c -> c.namedBy(cell))
                    .findFirst();
            if (column.isEmpty()) {
                errors.add(LineError.of(number, cell, CsvProblem.IMPORT_COLUMN_UNKNOWN, cell));
            } else if (columns.containsKey(column.get())) {
                errors.add(LineError.of(number, column.get(), CsvProblem.IMPORT_COLUMN_REPEATED, cell));
            } else {
                columns.put(column.get(), i);
            }
        }
        boolean complete = true;
        for (C column : type.getEnumConstants()) {
            if (column.required() && !columns.containsKey(column)) {
                errors.add(LineError.of(number, column, CsvProblem.IMPORT_COLUMN_MISSING, column.english()));
                complete = false;
            }
        }
        return complete;
    }

    /** Reports each line (split at LF bytes, which no multi-byte UTF-8 or GB18030 character contains) that does not decode. */
    private static void badLines(byte[] bytes, Charset charset, List<LineError> errors) {
        int start = 0;
        int line = 1;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (!decodes(ByteBuffer.wrap(bytes, start, i - start), charset)) {
                    errors.add(LineError.of(line, (String) null, CsvProblem.IMPORT_ENCODING_INVALID, label(charset)));
                }
                start = i + 1;
                line++;
            }
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        return decodes(ByteBuffer.wrap(bytes), charset);
    }

    private static boolean decodes(ByteBuffer bytes, Charset charset) {
        try {
            CharBuffer ignored = decoder(charset).decode(bytes);
            return ignored != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
