package cn.zhibu.platform.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for people to open in Excel: UTF-8 with a byte order mark (without it, Excel in China reads the file
 * as GBK and garbles Chinese), CRLF line ends, fields quoted when they hold a comma, quote or line break, and
 * text that a spreadsheet would take for a formula (starting with =, +, -, @) prefixed with an apostrophe.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    /** The rows (the first is the header) as the bytes of a file. */
    public static byte[] of(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        StringBuilder line = new StringBuilder();
        for (List<String> row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(field(row.get(i)));
            }
            line.append("\r\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value
                : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String value) {
        return value.matches("^-?[0-9]+(\\.[0-9]+)?$");
    }
}
