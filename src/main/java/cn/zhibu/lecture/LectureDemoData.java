package cn.zhibu.lecture;

import cn.zhibu.lecture.rotation.HostAssignment;
import cn.zhibu.lecture.rotation.HostPlanner;
import cn.zhibu.lecture.rotation.RotationInputs;
import cn.zhibu.lecture.rotation.RotationService;
import cn.zhibu.lecture.rotation.SessionInput;
import cn.zhibu.lecture.rotation.SpeakerAssignment;
import cn.zhibu.lecture.rotation.SpeakerPlanner;
import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's quarterly themed party days of this year and the first of
 * next year, hosted by its departments in turn, two micro lectures each. Those already past are HELD, with their
 * lectures delivered (one not: its speaker is rescheduled first), attendance (some on leave), ratings and points;
 * the future ones are planned by the rotation, and one speaker has swapped with a colleague. Added once.
 */
@ApplicationScoped
public class LectureDemoData {

    private static final Logger LOG = Logger.getLogger(LectureDemoData.class);
    private static final String BY = "system:demo";
    private static final String[] TOPICS = {"从“两个确立”谈基层党员的责任", "把学习成果转化为工作实效", "新时代组工干部的作风建设",
        "在服务群众中践行初心", "以严的基调强化干部监督", "学习党章 遵守党规", "发扬斗争精神 增强斗争本领", "做到忠诚干净担当"};

    private final EntityManager em;
    private final PartyDayService days;
    private final RotationInputs inputs;
    private final RotationService rotation;
    private final MicroLectureService lectures;
    private final PointsLedger ledger;
    private final BusinessCalendar calendar;

    LectureDemoData(EntityManager em, PartyDayService days, RotationInputs inputs, RotationService rotation,
            MicroLectureService lectures, PointsLedger ledger, BusinessCalendar calendar) {
        this.em = em;
        this.days = days;
        this.inputs = inputs;
        this.rotation = rotation;
        this.lectures = lectures;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    @Transactional
    public void load() {
        @SuppressWarnings("unchecked")
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty() || PartyDay.count("branchId", found.get()) > 0) {
            return;
        }
        UUID branch = found.get();
        int year = calendar.today().getYear();
        List<PartyDay> sessions = new ArrayList<>();
        String[] themes = {"学习贯彻全会精神", "七一主题党日", "重温入党誓词", "年终总结与民主评议", "新春学习动员"};
        for (int q = 0; q < 5; q++) {
            LocalDate day = LocalDate.of(year + q / 4, 3 + 3 * (q % 4), 1)
                    .with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
            var start = day.atTime(LocalTime.of(14, 30)).atZone(calendar.zone()).toInstant();
            UUID id = days.create(new PartyDayViews.Create(branch, PartyDayKind.THEMED_PARTY_DAY, start,
                    start.plusSeconds(7200), themes[q], "机关三楼会议室", "一、重温入党誓词\n二、微型党课\n三、交流研讨", 2, null,
                    null, SessionFormat.IN_PERSON, null, List.of(Rite.NATIONAL_ANTHEM, Rite.OATH)),
                    Locale.ROOT).id();
            sessions.add(days.require(id));
        }
        LocalDate today = calendar.today();
        List<PartyDay> past = sessions.stream().filter(d -> !d.heldOn.isAfter(today)).toList();
        history(branch, past);
        if (past.size() < sessions.size()) {
            var plan = rotation.preview(branch, Locale.ROOT);
            rotation.apply(branch, plan.planId(), Locale.ROOT);
            swapOne(branch, sessions.get(past.size()));
        }
        LOG.infof("Demo data: %d party days of the demo branch, %d held", sessions.size(), past.size());
    }

    /** The sessions already past, as if the rotation had planned them and they were held. */
    private void history(UUID branch, List<PartyDay> past) {
        if (past.isEmpty()) {
            return;
        }
        List<SessionInput> inputsOf = past.stream().map(d -> new SessionInput(d.id, d.heldOn, d.lectureSlots, false,
                false, null, List.of())).toList();
        List<SpeakerAssignment> speakers = SpeakerPlanner.plan(inputs.members(branch), inputsOf, inputs.rules(branch));
        List<HostAssignment> hosts = HostPlanner.plan(inputs.units(branch), inputsOf);
        int topic = 0;
        for (PartyDay day : past) {
            hosts.stream().filter(h -> h.sessionId().equals(day.id)).findFirst().ifPresent(h -> {
                day.hostUnitId = h.unitId();
                day.hostReason = h.reason() == null ? null : h.reason().name();
            });
            day.state = PartyDayState.HELD;
            for (MicroLecture lecture : MicroLecture.<MicroLecture>list("partyDayId = ?1 order by slot", day.id)) {
                SpeakerAssignment a = speakers.stream().filter(s -> s.sessionId().equals(day.id)
                        && s.slot() == lecture.slot).findFirst().orElseThrow();
                lecture.speakerId = a.personId();
                lecture.reason = a.reason() == null ? null : a.reason().name();
                lecture.lastLectureOn = a.lastLectureOn();
                boolean missed = past.indexOf(day) == 1 && lecture.slot == 2;
                lecture.outcome = missed ? LectureOutcome.NOT_DELIVERED : LectureOutcome.DELIVERED;
                lecture.topic = missed ? null : TOPICS[topic++ % TOPICS.length];
                lecture.summary = missed ? "出差未能讲授" : "结合本科室工作谈体会。";
                lecture.recordedAt = day.endsAt;
                lecture.recordedBy = BY;
                if (!missed && lecture.speakerId != null) {
                    ledger.creditOrRecordZero(new PointsLedger.Credit(lecture.speakerId, branch,
                            ActivityType.LECTURE_DELIVERED, "MICRO_LECTURE", lecture.id.toString(), day.heldOn, null,
                            "微型党课：" + lecture.topic, BY));
                }
            }
            em.flush();
            attend(branch, day);
        }
    }

    /**
     * Most party members the session expects attended; every sixth was on leave, every ninth absent; attendees
     * rated the lectures.
     */
    @SuppressWarnings("unchecked")
    void attend(UUID branch, PartyDay day) {
        em.flush();
        List<UUID> members = em.createNativeQuery("select p.id from person p where p.id in (" + Audience.expected()
                + ") and p.political_status in ('FULL', 'PROBATIONARY') order by p.external_id")
                .setParameter("day", day.id).getResultList();
        List<MicroLecture> delivered = MicroLecture.list("partyDayId = ?1 and outcome = ?2", day.id,
                LectureOutcome.DELIVERED);
        for (int i = 0; i < members.size(); i++) {
            UUID person = members.get(i);
            String status = i % 6 == 5 ? "LEAVE" : i % 9 == 8 ? "ABSENT" : "PRESENT";
            em.createNativeQuery("insert into attendance (party_day_id, person_id, status, method, reason, recorded_at, "
                    + "recorded_by) values (:d, :p, :s, :m, :r, :at, :by)").setParameter("d", day.id)
                    .setParameter("p", person).setParameter("s", status)
                    .setParameter("m", i % 2 == 0 ? "CODE" : "RECORDED")
                    .setParameter("r", "LEAVE".equals(status) ? "外出调研" : null).setParameter("at", day.startsAt)
                    .setParameter("by", BY).executeUpdate();
            if (!"PRESENT".equals(status)) {
                continue;
            }
            ledger.creditOrRecordZero(new PointsLedger.Credit(person, branch, ActivityType.PARTY_DAY_ATTENDANCE,
                    "PARTY_DAY", day.id.toString(), day.heldOn, null, day.kind.label() + "：" + day.theme,
                    BY));
            for (MicroLecture lecture : delivered) {
                if (!person.equals(lecture.speakerId)) {
                    em.createNativeQuery("insert into lecture_rating (lecture_id, person_id, score, created_at) "
                            + "values (:l, :p, :s, :at)").setParameter("l", lecture.id).setParameter("p", person)
                            .setParameter("s", 3 + (i + lecture.slot) % 3).setParameter("at", day.endsAt)
                            .executeUpdate();
                }
            }
        }
    }

    /** The first planned session's first speaker asks a colleague who is not speaking then, who accepts. */
    private void swapOne(UUID branch, PartyDay next) {
        em.flush();
        em.clear();
        MicroLecture first = MicroLecture.find("partyDayId = ?1 and slot = 1", next.id).firstResult();
        if (first == null || first.speakerId == null) {
            return;
        }
        inputs.members(branch).stream()
                .filter(m -> SpeakerPlanner.eligible(m, next.heldOn, inputs.rules(branch)))
                .filter(m -> MicroLecture.count("partyDayId = ?1 and speakerId = ?2", next.id, m.personId()) == 0)
                .findFirst().ifPresent(colleague -> {
                    LectureViews.Swap swap = lectures.requestSwap(first.id, first.speakerId,
                            new LectureViews.SwapRequest(colleague.personId(), "那天要去外地调研，麻烦帮我讲一次，下次我来。"));
                    lectures.answer(swap.id(), colleague.personId(), LectureSwap.State.ACCEPTED);
                });
    }
}
