package cn.zhibu.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void fieldsAreQuotedAndFormulasDisarmed() {
        assertEquals("张三", CsvExport.field("张三"));
        assertEquals("\"a,b\"", CsvExport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.field("say \"hi\""));
        assertEquals("'=1+1", CsvExport.field("=1+1"));
        assertEquals("'@cmd", CsvExport.field("@cmd"));
        assertEquals("-3", CsvExport.field("-3"), "a negative number stays a number");
        assertEquals("", CsvExport.field(null));
    }

    @Test
    void aFileStartsWithTheByteOrderMarkAndEndsLinesWithCrLf() {
        byte[] file = CsvExport.of(List.of(List.of("名次", "姓名"), List.of("1", "李四")));
        assertEquals((byte) 0xEF, file[0]);
        assertEquals((byte) 0xBB, file[1]);
        assertEquals((byte) 0xBF, file[2]);
        assertEquals("名次,姓名\r\n1,李四\r\n", new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
    }
}
