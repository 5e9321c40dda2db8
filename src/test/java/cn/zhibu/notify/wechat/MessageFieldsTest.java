package cn.zhibu.notify.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A notice's fields as template values: cut by code points to the key type's length, dates in the business zone. */
class MessageFieldsTest {

    @Test
    void valuesAreCutByCodePointsAndDatesFormattedInTheBusinessZone() {
        var zone = ZoneId.of("Asia/Shanghai");
        assertEquals("2026年12月8日", MessageFields.value("date2", "2026-12-07T16:30:00Z", zone));
        assertEquals("2026年12月10日", MessageFields.value("date3", "2026-12-10", zone));
        assertEquals("2026年1月5日 00:00", MessageFields.value("time4", "2026-01-05", zone));
        assertEquals("已通过", MessageFields.value("phrase1", "已通过", zone));
        assertEquals("主题党日…", MessageFields.value("short_thing2", "主题党日活动", zone));
        assertEquals("😀😀😀😀…", MessageFields.value("symbol1", "😀😀😀😀😀😀", zone));
        assertEquals("欧阳娜娜娜娜娜娜娜娜", MessageFields.value("name1", "欧阳娜娜娜娜娜娜娜娜", zone));
        assertEquals("-", MessageFields.value("thing9", null, zone));
        assertEquals(32, MessageFields.value("character_string1", "x".repeat(40), zone).length());
    }
}
