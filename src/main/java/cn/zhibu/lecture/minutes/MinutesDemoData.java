package cn.zhibu.lecture.minutes;

import cn.zhibu.platform.http.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the minutes of the demo branch's latest HELD themed party day, archived, with
 * a small group photo (a PNG made here) and one addendum. Runs after the lecture demo data (which holds the sessions);
 * added once, and not at all while no session of the branch is held.
 */
@ApplicationScoped
public class MinutesDemoData {

    private static final Logger LOG = Logger.getLogger(MinutesDemoData.class);
    private static final String BY = "system:demo";

    private final EntityManager em;
    private final MinutesService minutes;
    private final AttachmentService attachments;

    MinutesDemoData(EntityManager em, MinutesService minutes, AttachmentService attachments) {
        this.em = em;
        this.minutes = minutes;
        this.attachments = attachments;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        List<Object[]> found = em.createNativeQuery("select d.id, d.branch_id, d.held_on from party_day d "
                + "join org_unit u on u.id = d.branch_id where u.kind = 'BRANCH' and u.name = :name "
                + "and d.kind = 'THEMED_PARTY_DAY' and d.state = 'HELD' order by d.starts_at desc limit 1")
                .setParameter("name", "示范区委组织部机关党支部").getResultList();
        if (found.isEmpty()) {
            return;
        }
        UUID day = (UUID) found.get(0)[0];
        UUID branch = (UUID) found.get(0)[1];
        LocalDate on = found.get(0)[2] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) found.get(0)[2];
        long written = ((Number) em.createNativeQuery("select count(*) from minutes m join party_day d "
                + "on d.id = m.party_day_id where d.branch_id = :b").setParameter("b", branch).getSingleResult())
                .longValue();
        if (written > 0) {
            return;
        }
        List<UUID> members = em.createNativeQuery("select p.id from membership m join person p on p.id = m.person_id "
                + "where m.org_unit_id = :b and m.is_branch and m.start_date <= :on "
                + "and (m.end_date is null or m.end_date >= :on) order by p.external_id limit 3")
                .setParameter("b", branch).setParameter("on", on).getResultList();
        if (members.size() < 3) {
            return;
        }
        minutes.write(day, IfMatch.parse("\"0\""), new MinutesViews.Write(members.get(0), members.get(1),
                List.of("重温入党誓词", "微型党课两讲", "交流研讨：把学习成果转化为工作实效"),
                List.of(new MinutesViews.ResolutionWrite("各科室结合本次学习形成一篇心得体会", members.get(2),
                        on.plusDays(14)), new MinutesViews.ResolutionWrite("下次主题党日由轮值科室提前一周报送议程",
                        members.get(0), on.plusDays(60))),
                "会议由支部书记主持，应到、实到人数见考勤。与会同志围绕主题进行了交流。"), BY);
        attachments.upload(day, MinutesViews.Purpose.PHOTO, "合影.png", AttachmentContent.PNG, photo(), BY);
        minutes.archive(day, IfMatch.parse("\"1\""), BY);
        minutes.addendum(day, new MinutesViews.AddendumCreate("更正：第一项议定事项的完成时限延至会后三周。"), BY, null);
        LOG.infof("Demo data: minutes of party day %s, archived, with a photo and an addendum", day);
    }

    /** A 24 x 16 PNG: a red field with a yellow square in the upper left, as a flag. */
    static byte[] photo() {
        int width = 24;
        int height = 16;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0); // filter: none
            for (int x = 0; x < width; x++) {
                boolean star = x >= 3 && x < 7 && y >= 3 && y < 7;
                raw.write(star ? 0xFF : 0xDE);
                raw.write(star ? 0xDE : 0x29);
                raw.write(star ? 0x00 : 0x10);
            }
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream zip = new DeflaterOutputStream(idat)) {
            raw.writeTo(zip);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
