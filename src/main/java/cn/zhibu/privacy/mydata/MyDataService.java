package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's export of their own data (PIPL Art. 45): the limit is checked, the document read in one snapshot, then
 * the export recorded (checking the limit again under the person's lock). Each step is a transaction of its own, so the
 * document's read-only snapshot never holds the audit's lock; an export that is not recorded is not served.
 */
@ApplicationScoped
public class MyDataService {

    /** The document as served, and the business date it was made on (for its file name). */
    public record Export(byte[] json, LocalDate date) {
    }

    private final MyDataExports exports;
    private final MyDataDocument document;
    private final ObjectMapper json;
    private final BusinessCalendar calendar;
    private final java.util.Set<UUID> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MyDataService(MyDataExports exports, MyDataDocument document, ObjectMapper json,
            BusinessCalendar calendar) {
        this.exports = exports;
        this.document = document;
        this.json = json;
        this.calendar = calendar;
    }

    /** Everything held about the person, as JSON; {@code by} is who asked (the token's subject). */
    public Export export(UUID personId, String by) {
        // one export of a person at a time on this replica: a burst of requests does not read everything each
        if (!running.add(personId)) {
            throw exports.busy();
        }
        try {
            return exportNow(personId, by);
        } finally {
            running.remove(personId);
        }
    }

    private Export exportNow(UUID personId, String by) {
        Instant now = calendar.now();
        exports.requireAllowed(personId, now);
        MyDataViews.Document doc = document.read(personId, now);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A member's data could not be written", e);
        }
        exports.record(personId, by, now, MyDataDocument.rows(doc), bytes.length);
        return new Export(bytes, LocalDate.ofInstant(now, calendar.zone()));
    }
}
