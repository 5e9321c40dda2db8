package cn.zhibu.lecture;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Party days as answered (each with its lectures, the speakers' and host's names and the lectures' ratings), and
 * who may see and manage a session's records: its minutes, attachments, lists and lecturers.
 */
@ApplicationScoped
public class PartyDayAccess {

    private final EntityManager em;
    private final Access access;

    PartyDayAccess(EntityManager em, Access access) {
        this.em = em;
        this.access = access;
    }

    /** The session's branch, if the caller may see its sessions; otherwise not found (404). */
    public UUID readable(UUID partyDayId) {
        UUID branch = em.createQuery("select d.branchId from PartyDay d where d.id = :id", UUID.class)
                .setParameter("id", partyDayId).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.PARTY_DAY_READ, branch)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return branch;
    }

    /** The session's branch, if the caller may manage its sessions: 404 out of sight, 403 in sight only. */
    public UUID managed(UUID partyDayId) {
        UUID branch = readable(partyDayId);
        access.require(Action.PARTY_DAY_MANAGE, branch);
        return branch;
    }

    public PartyDayViews.View view(PartyDay day, Locale locale) {
        return views(List.of(day), locale).get(0);
    }

    /** The views of these sessions, with four queries whatever their number. */
    public List<PartyDayViews.View> views(List<PartyDay> days, Locale locale) {
        if (days.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = days.stream().map(d -> d.id).toList();
        List<MicroLecture> lectures = em.createQuery("from MicroLecture where partyDayId in :ids order by slot",
                MicroLecture.class).setParameter("ids", ids).getResultList();
        Set<UUID> people = new HashSet<>();
        lectures.forEach(l -> {
            if (l.speakerId != null) {
                people.add(l.speakerId);
            }
        });
        Map<UUID, String> names = names("person", people);
        Set<UUID> hosts = new HashSet<>();
        days.forEach(d -> {
            if (d.hostUnitId != null) {
                hosts.add(d.hostUnitId);
            }
            if (d.partyGroupId != null) {
                hosts.add(d.partyGroupId);
            }
        });
        Map<UUID, String> hostNames = names("org_unit", hosts);
        Map<UUID, double[]> ratings = ratings(lectures.stream().map(l -> l.id).toList());
        Map<UUID, List<PartyDayViews.Lecture>> byDay = new HashMap<>();
        for (MicroLecture l : lectures) {
            double[] rating = ratings.getOrDefault(l.id, new double[] {0, 0});
            byDay.computeIfAbsent(l.partyDayId, k -> new java.util.ArrayList<>()).add(new PartyDayViews.Lecture(
                    l.id, l.partyDayId, l.slot, l.speakerId, names.get(l.speakerId), l.reason,
                    reasonText(l.reason, l.lastLectureOn, locale), l.lastLectureOn, l.pinned, l.outcome, l.topic,
                    l.summary, Arrays.asList(l.links), l.recordedAt, (int) rating[0],
                    rating[0] == 0 ? null : Math.round(rating[1] * 100) / 100.0, l.version));
        }
        return days.stream().map(d -> new PartyDayViews.View(d.id, d.branchId, d.kind, d.startsAt, d.endsAt,
                d.heldOn, d.theme, d.place, d.agenda, d.hostUnitId, hostNames.get(d.hostUnitId), d.hostReason,
                d.lectureSlots, d.state, d.format, d.partyGroupId, hostNames.get(d.partyGroupId), d.studyHours,
                Arrays.stream(d.rites).map(Rite::valueOf).toList(), politicalBirthdays(d),
                byDay.getOrDefault(d.id, List.of()), d.version, d.createdAt, d.updatedAt))
                .toList();
    }

    /** With a political birthday rite: the branch's members whose party anniversary falls in the session's month. */
    private static String politicalBirthdays(PartyDay day) {
        if (!Arrays.asList(day.rites).contains(Rite.POLITICAL_BIRTHDAY.name())) {
            return null;
        }
        LocalDate first = day.heldOn.withDayOfMonth(1);
        return "/v1/people/political-birthdays?unitId=" + day.branchId + "&from=" + first + "&to="
                + first.plusMonths(1).minusDays(1);
    }

    /** The names of these people. */
    public Map<UUID, String> people(Collection<UUID> ids) {
        return names("person", ids);
    }

    /** A rotation reason for display: "最久未讲：上次 2026-Q1". */
    public static String reasonText(String reason, LocalDate lastLectureOn, Locale locale) {
        if (reason == null) {
            return null;
        }
        String quarter = lastLectureOn == null ? "-"
                : lastLectureOn.getYear() + "-Q" + lastLectureOn.get(IsoFields.QUARTER_OF_YEAR);
        return ProblemMessages.text("ROTATION_REASON." + reason, locale).replace("{0}", quarter);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, String> names(String table, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("select id as id, name as name from " + table
                    + " where id in (:ids)", Tuple.class).setParameter("ids", ids).getResultList();
            rows.forEach(r -> names.put(Rows.uuid(r, "id"), Rows.string(r, "name")));
        }
        return names;
    }

    /** Per lecture: how many ratings, and their average. */
    @SuppressWarnings("unchecked")
    private Map<UUID, double[]> ratings(List<UUID> lectureIds) {
        Map<UUID, double[]> ratings = new HashMap<>();
        if (!lectureIds.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("select lecture_id as lecture_id, count(*) as ratings, "
                    + "avg(score) as average from lecture_rating where lecture_id in (:ids) group by lecture_id",
                    Tuple.class).setParameter("ids", lectureIds).getResultList();
            rows.forEach(r -> ratings.put(Rows.uuid(r, "lecture_id"), new double[] {Rows.doubleValue(r, "ratings"),
                    Rows.doubleValue(r, "average")}));
        }
        return ratings;
    }
}
