package cn.zhibu.lecture.minutes;

import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of a session: checked by their bytes, stored in PostgreSQL with their SHA-256, served as stored, removed
 * only while the minutes are not archived.
 */
@ApplicationScoped
public class AttachmentService {

    private static final String COLUMNS = "id as id, party_day_id as party_day_id, purpose as purpose, "
            + "file_name as file_name, content_type as content_type, size as size, sha256 as sha256, "
            + "uploaded_by as uploaded_by, uploaded_at as uploaded_at";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayService days;
    private final MinutesService minutes;
    private final MinutesSettings settings;

    AttachmentService(EntityManager em, BusinessCalendar calendar, PartyDayService days, MinutesService minutes,
            MinutesSettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.days = days;
        this.minutes = minutes;
        this.settings = settings;
    }

    /** A file and what it is. */
    public record Download(MinutesViews.Attachment attachment, byte[] content) {
    }

    /** Stores a file of the session, if its bytes are what its type says and nothing else, and it is not too big. */
    @Transactional
    public MinutesViews.Attachment upload(UUID partyDayId, MinutesViews.Purpose purpose, String fileName,
            String contentType, byte[] content, String by) {
        long limit = settings.maxAttachmentBytes().asLongValue();
        if (content.length > limit) {
            throw new ProblemException(ProblemCode.PAYLOAD_TOO_LARGE, limit);
        }
        switch (AttachmentContent.check(content, contentType)) {
            case NOT_AS_DECLARED -> throw new ProblemException(MinutesProblem.ATTACHMENT_NOT_AS_DECLARED, contentType);
            case ACTIVE_CONTENT -> throw new ProblemException(MinutesProblem.ATTACHMENT_ACTIVE_CONTENT);
            case ACCEPTED -> {
            }
        }
        PartyDay day = days.lock(partyDayId);
        if (day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(MinutesProblem.MINUTES_SESSION_CANCELLED);
        }
        refuseArchived(partyDayId);
        long count = ((Number) em.createNativeQuery("select count(*) from minutes_attachment where party_day_id = :day")
                .setParameter("day", partyDayId).getSingleResult()).longValue();
        if (count >= settings.maxAttachments()) {
            throw new ProblemException(MinutesProblem.ATTACHMENT_TOO_MANY, settings.maxAttachments());
        }
        UUID id = UUID.randomUUID();
        Instant now = calendar.now();
        String name = AttachmentNames.sanitise(fileName, contentType);
        String sha256 = sha256(content);
        em.createNativeQuery("insert into minutes_attachment (party_day_id, id, position, purpose, file_name, "
                + "content_type, size, sha256, content, uploaded_by, uploaded_at) select :day, :id, "
                + "coalesce(max(position), 0) + 1, :purpose, :name, :type, :size, :sha, :content, :by, :at "
                + "from minutes_attachment where party_day_id = :day").setParameter("day", partyDayId)
                .setParameter("id", id)
                .setParameter("purpose", purpose.name()).setParameter("name", name).setParameter("type", contentType)
                .setParameter("size", content.length).setParameter("sha", sha256).setParameter("content", content)
                .setParameter("by", by).setParameter("at", now).executeUpdate();
        return new MinutesViews.Attachment(id, partyDayId, purpose, name, contentType, content.length, sha256, by, now);
    }

    /** The session's attachments, oldest first. */
    @SuppressWarnings("unchecked")
    public List<MinutesViews.Attachment> list(UUID partyDayId) {
        days.require(partyDayId);
        List<Tuple> rows = em.createNativeQuery("select " + COLUMNS + " from minutes_attachment "
                + "where party_day_id = :day order by position", Tuple.class).setParameter("day", partyDayId)
                .getResultList();
        return rows.stream().map(AttachmentService::view).toList();
    }

    /** One attachment with its bytes. */
    @SuppressWarnings("unchecked")
    public Download download(UUID partyDayId, UUID id) {
        List<Tuple> rows = em.createNativeQuery("select " + COLUMNS + ", content as content from minutes_attachment "
                + "where party_day_id = :day and id = :id", Tuple.class).setParameter("day", partyDayId)
                .setParameter("id", id).getResultList();
        Tuple row = rows.stream().findFirst().orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return new Download(view(row), Rows.bytes(row, "content"));
    }

    /** Removes an attachment while the minutes are not archived. */
    @Transactional
    public void delete(UUID partyDayId, UUID id) {
        days.lock(partyDayId);
        refuseArchived(partyDayId);
        int removed = em.createNativeQuery("delete from minutes_attachment where party_day_id = :day and id = :id")
                .setParameter("day", partyDayId).setParameter("id", id).executeUpdate();
        if (removed == 0) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
    }

    private void refuseArchived(UUID partyDayId) {
        Optional<Instant> archived = minutes.archivedAt(partyDayId);
        if (archived.isPresent() && archived.get() != null) {
            throw new ProblemException(MinutesProblem.MINUTES_ARCHIVED, archived.get().toString());
        }
    }

    private static MinutesViews.Attachment view(Tuple r) {
        return new MinutesViews.Attachment(Rows.uuid(r, "id"), Rows.uuid(r, "party_day_id"),
                MinutesViews.Purpose.valueOf(Rows.string(r, "purpose")), Rows.string(r, "file_name"),
                Rows.string(r, "content_type"), Rows.integer(r, "size"), Rows.string(r, "sha256"),
                Rows.string(r, "uploaded_by"), Rows.instant(r, "uploaded_at"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
