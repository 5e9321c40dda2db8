package cn.zhibu.lecture.rotation;

import cn.zhibu.lecture.LectureOutcome;
import cn.zhibu.lecture.MicroLecture;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the planners need of a branch, read from the database: its party members, their exemptions and
 * unavailable days, its sessions with their slots, its host units with their blackouts, and its rules.
 */
@ApplicationScoped
public class RotationInputs {

    public static final int DEFAULT_NEWCOMER_DAYS = 30;

    /**
     * Everyone with a membership of the branch who is a party member (full or probationary), with their latest
     * membership of it and their party group in it now.
     */
    private static final String MEMBERS = """
            select distinct on (p.id) p.id as person_id, p.political_status as political_status,
                   m.start_date as start_date,
                   case when p.active then m.end_date else least(m.end_date, p.left_on) end as end_date,
                   (select g.org_unit_id from membership g join org_unit u on u.id = g.org_unit_id
                     where g.person_id = p.id and g.end_date is null and u.parent_id = m.org_unit_id
                       and u.kind = 'PARTY_GROUP' order by g.start_date, g.org_unit_id limit 1) as group_id
              from membership m join person p on p.id = m.person_id
             where m.org_unit_id = :branch and p.political_status in ('FULL', 'PROBATIONARY') %s
             order by p.id, m.start_date desc""";

    private final EntityManager em;

    RotationInputs(EntityManager em) {
        this.em = em;
    }

    public SpeakerRules rules(UUID branchId) {
        return Optional.ofNullable(RotationSetting.<RotationSetting>findById(branchId))
                .map(s -> new SpeakerRules(s.newcomerDays, s.probationaryEligible))
                .orElse(new SpeakerRules(DEFAULT_NEWCOMER_DAYS, false));
    }

    public List<MemberInput> members(UUID branchId) {
        return members(branchId, null);
    }

    /** One member of the branch as the planner sees them, if they are a party member of it at all. */
    public Optional<MemberInput> member(UUID branchId, UUID personId) {
        return members(branchId, personId).stream().findFirst();
    }

    /**
     * The branch's party members (or one of them), with their absences. Days a member cannot lecture count as
     * ranges, like exemptions (the planner treats both alike), so a long range costs no more than a short one.
     */
    @SuppressWarnings("unchecked")
    private List<MemberInput> members(UUID branchId, UUID personId) {
        var query = em.createNativeQuery(MEMBERS.formatted(personId == null ? "" : "and p.id = :person"), Tuple.class)
                .setParameter("branch", branchId);
        if (personId != null) {
            query.setParameter("person", personId);
        }
        List<Tuple> rows = query.getResultList();
        Map<UUID, List<Exemption>> exemptions = new HashMap<>();
        List<SpeakerAbsence> absences = personId == null ? SpeakerAbsence.list("branchId", branchId)
                : SpeakerAbsence.list("branchId = ?1 and personId = ?2", branchId, personId);
        for (SpeakerAbsence a : absences) {
            ExemptionKind kind = a.kind == AbsenceKind.UNAVAILABLE ? ExemptionKind.OTHER
                    : ExemptionKind.valueOf(a.kind.name());
            exemptions.computeIfAbsent(a.personId, k -> new ArrayList<>()).add(new Exemption(a.fromDate, a.toDate, kind));
        }
        List<MemberInput> members = new ArrayList<>();
        for (Tuple r : rows) {
            UUID id = Rows.uuid(r, "person_id");
            boolean probationary = "PROBATIONARY".equals(Rows.string(r, "political_status"));
            members.add(new MemberInput(id, Rows.uuid(r, "group_id"), probationary, Rows.localDate(r, "start_date"),
                    Rows.localDate(r, "end_date"),
                    exemptions.get(id), Set.of()));
        }
        return members;
    }

    /**
     * Takes the branch's rotation lock for the rest of the transaction: whatever the rotation reads (sessions,
     * slots, absences, settings) changes one writer at a time, and applying a plan sees none of it change.
     * Taken before any session's row lock.
     */
    public void lock(UUID branchId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "rotation|" + branchId).getSingleResult();
    }

    /**
     * The branch's sessions with their slots. Fixed: no longer PLANNED, or on or before {@code today}. For the
     * host planner, a host a secretary CHOSE is fixed too (when {@code forHosts}).
     */
    public List<SessionInput> sessions(UUID branchId, LocalDate today, boolean forHosts) {
        List<PartyDay> days = PartyDay.list("branchId = ?1 order by heldOn, id", branchId);
        Map<UUID, List<Slot>> slots = new LinkedHashMap<>();
        if (!days.isEmpty()) {
            List<MicroLecture> lectures = em.createQuery("from MicroLecture where partyDayId in :ids order by slot",
                    MicroLecture.class).setParameter("ids", days.stream().map(d -> d.id).toList()).getResultList();
            for (MicroLecture l : lectures) {
                slots.computeIfAbsent(l.partyDayId, k -> new ArrayList<>())
                        // a recorded slot is history, kept like a pinned one
                        .add(new Slot(l.slot, l.speakerId, outcome(l.outcome),
                                l.pinned || l.outcome != LectureOutcome.PENDING));
            }
        }
        List<SessionInput> sessions = new ArrayList<>();
        for (PartyDay d : days) {
            boolean fixed = !fixedLater(d, today) || (forHosts && "CHOSEN".equals(d.hostReason));
            sessions.add(new SessionInput(d.id, d.heldOn, d.lectureSlots, fixed, d.state == PartyDayState.CANCELLED,
                    d.hostUnitId, slots.get(d.id)));
        }
        return sessions;
    }

    /** Whether the rotation may still change the session: PLANNED and after today. */
    public static boolean fixedLater(PartyDay day, LocalDate today) {
        return day.state == PartyDayState.PLANNED && day.heldOn.isAfter(today);
    }

    /**
     * The units that host in turn: the branch's active departments (科室), or its party groups when it has no
     * department.
     */
    @SuppressWarnings("unchecked")
    public List<UnitInput> units(UUID branchId) {
        List<Tuple> rows = em.createNativeQuery("select id as id, name as name, kind as kind from org_unit "
                + "where parent_id = :branch and archived_at is null and kind in ('DEPARTMENT', 'PARTY_GROUP') "
                + "order by name, id", Tuple.class).setParameter("branch", branchId).getResultList();
        boolean departments = rows.stream().anyMatch(r -> "DEPARTMENT".equals(Rows.string(r, "kind")));
        List<Tuple> hosts = rows.stream()
                .filter(r -> (departments ? "DEPARTMENT" : "PARTY_GROUP").equals(Rows.string(r, "kind"))).toList();
        Map<UUID, List<Blackout>> blackouts = new HashMap<>();
        if (!hosts.isEmpty()) {
            em.createQuery("from HostBlackout where unitId in :ids", HostBlackout.class)
                    .setParameter("ids", hosts.stream().map(r -> Rows.uuid(r, "id")).toList()).getResultList()
                    .forEach(b -> blackouts.computeIfAbsent(b.unitId, k -> new ArrayList<>())
                            .add(new Blackout(b.fromDate, b.toDate)));
        }
        return hosts.stream().map(r -> new UnitInput(Rows.uuid(r, "id"), Rows.string(r, "name"),
                blackouts.get(Rows.uuid(r, "id")))).toList();
    }

    private static SlotOutcome outcome(LectureOutcome outcome) {
        return SlotOutcome.valueOf(outcome.name());
    }
}
