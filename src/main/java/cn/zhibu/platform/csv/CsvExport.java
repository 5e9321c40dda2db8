package cn.zhibu.platform.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for people to open in Excel: UTF-8 with a byte order mark (without it, Excel in China reads the file
 * as GBK and garbles Chinese), RFC 4180 records (CRLF line ends, fields quoted when they hold a comma, quote
 * or line break, as commons-csv quotes them), and text that a spreadsheet would take for a formula (starting
 * with =, +, -, @) prefixed with an apostrophe.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvExport() {
    }

    /** The rows (the first is the header) as the bytes of a file. */
    public static byte[] of(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvExport::disarmed).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One cell as written in a record. */
    static String field(String value) {
        return FORMAT.format(disarmed(value));
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe; an empty cell is written empty. */
    private static String disarmed(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
    }

    private static boolean isNumber(String value) {
        return value.matches("^-?[0-9]+(\\.[0-9]+)?$");
    }
}
