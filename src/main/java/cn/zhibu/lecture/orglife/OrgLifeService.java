package cn.zhibu.lecture.orglife;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The problem list (问题清单) and rectification list (整改清单) of an organisational life meeting (组织生活会).
 * Only ORG_LIFE_MEETING sessions keep them; a cancelled one takes no more entries. A rectification item has an
 * owner (a member of the branch) and a due date (the session's day or later); it is OPEN until it is closed with
 * evidence (DONE), and may be reopened. Every change of an item names its version (If-Match) and takes the item's
 * row lock first, so of two changes naming the same version one applies and the other answers 412.
 */
@ApplicationScoped
public class OrgLifeService {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayService days;
    private final OrgLifeLists reader;
    private final RectificationNotices notices;

    OrgLifeService(EntityManager em, BusinessCalendar calendar, PartyDayService days, OrgLifeLists reader,
            RectificationNotices notices) {
        this.em = em;
        this.notices = notices;
        this.calendar = calendar;
        this.days = days;
        this.reader = reader;
    }

    /** The owner of a rectification item of the session; 404 for an unknown one. */
    public UUID ownerOf(UUID partyDayId, UUID rectificationId) {
        return find(partyDayId, rectificationId, false).ownerId;
    }

    @Transactional
    public OrgLifeViews.ProblemView addProblem(UUID partyDayId, OrgLifeViews.ProblemCreate request, String by) {
        PartyDay day = meeting(partyDayId, true);
        if ((request.subject() == ProblemSubject.MEMBER) != (request.personId() != null)) {
            throw new ProblemException(OrgLifeProblem.ORG_LIFE_PROBLEM_PERSON, request.subject().name());
        }
        if (request.personId() != null) {
            requireMember(request.personId(), day, day.heldOn);
        }
        Instant now = calendar.now();
        ProblemItem problem = new ProblemItem();
        problem.id = UUID.randomUUID();
        problem.partyDayId = day.id;
        problem.subject = request.subject();
        problem.personId = request.personId();
        problem.source = request.source();
        problem.text = request.text().strip();
        problem.createdBy = by;
        problem.createdAt = now;
        problem.updatedAt = now;
        problem.persistAndFlush();
        return reader.problems(List.of(problem)).get(0);
    }

    /** The session's problem list, in the order recorded. */
    public Page<OrgLifeViews.ProblemView> problems(UUID partyDayId, PageRequest page) {
        PartyDay day = meeting(partyDayId, false);
        StringBuilder query = new StringBuilder("from ProblemItem where partyDayId = :day");
        page.after().ifPresent(after -> query.append(" and (createdAt > :afterAt or (createdAt = :afterAt and id > "
                + ":afterId))"));
        var typed = em.createQuery(query + " order by createdAt, id", ProblemItem.class).setParameter("day", day.id);
        page.after().ifPresent(after -> typed.setParameter("afterAt", Instant.parse(after.get(0)))
                .setParameter("afterId", UUID.fromString(after.get(1))));
        List<ProblemItem> rows = typed.setMaxResults(page.fetchSize()).getResultList();
        Page<ProblemItem> shown = page.page(rows, p -> List.of(p.createdAt.toString(), p.id.toString()), p -> p);
        return new Page<>(reader.problems(shown.items()), shown.nextCursor());
    }

    @Transactional
    public OrgLifeViews.RectificationView addRectification(UUID partyDayId, OrgLifeViews.RectificationCreate request,
            String by) {
        PartyDay day = meeting(partyDayId, true);
        Instant now = calendar.now();
        Rectification item = new Rectification();
        item.id = UUID.randomUUID();
        item.partyDayId = day.id;
        item.branchId = day.branchId;
        apply(item, day, request.problemId(), request.item(), request.measures(), request.ownerId(),
                request.dueOn());
        item.state = RectificationState.OPEN;
        item.evidenceLinks = new String[0];
        item.createdBy = by;
        item.createdAt = now;
        item.updatedAt = now;
        item.persistAndFlush();
        notices.open(item);
        return reader.view(item);
    }

    /** The session's rectification list, in the order recorded. */
    public Page<OrgLifeViews.RectificationView> rectifications(UUID partyDayId, PageRequest page) {
        return reader.ofSession(meeting(partyDayId, false).id, page);
    }

    public OrgLifeViews.RectificationView rectification(UUID partyDayId, UUID id) {
        return reader.view(find(partyDayId, id, false));
    }

    /** An OPEN item's details, all of them, if {@code precondition} names its version. */
    @Transactional
    public OrgLifeViews.RectificationView change(UUID partyDayId, UUID id, IfMatch precondition,
            OrgLifeViews.RectificationChange request) {
        PartyDay day = meeting(partyDayId, true);
        Rectification item = find(partyDayId, id, true);
        precondition.check(item.version);
        if (item.state != RectificationState.OPEN) {
            throw new ProblemException(OrgLifeProblem.RECTIFICATION_STATE_CONFLICT, item.state.name());
        }
        apply(item, day, request.problemId(), request.item(), request.measures(), request.ownerId(),
                request.dueOn());
        return saved(item, true);
    }

    /** An OPEN item is DONE, with its evidence; by whom and when are kept. */
    @Transactional
    public OrgLifeViews.RectificationView close(UUID partyDayId, UUID id, IfMatch precondition,
            OrgLifeViews.Close request, String by) {
        Rectification item = find(partyDayId, id, true);
        precondition.check(item.version);
        if (item.state != RectificationState.OPEN) {
            throw new ProblemException(OrgLifeProblem.RECTIFICATION_STATE_CONFLICT, item.state.name());
        }
        item.state = RectificationState.DONE;
        item.evidence = request.evidence().strip();
        item.evidenceLinks = request.links() == null ? new String[0]
                : request.links().stream().distinct().toArray(String[]::new);
        item.closedBy = by;
        item.closedAt = calendar.now();
        return saved(item, false);
    }

    /** A DONE item is OPEN again (the rectification fell short): its evidence and closing are cleared. */
    @Transactional
    public OrgLifeViews.RectificationView reopen(UUID partyDayId, UUID id, IfMatch precondition) {
        Rectification item = find(partyDayId, id, true);
        precondition.check(item.version);
        if (item.state != RectificationState.DONE) {
            throw new ProblemException(OrgLifeProblem.RECTIFICATION_STATE_CONFLICT, item.state.name());
        }
        item.state = RectificationState.OPEN;
        item.evidence = null;
        item.evidenceLinks = new String[0];
        item.closedBy = null;
        item.closedAt = null;
        return saved(item, true);
    }

    /** The session, if it keeps these lists (and, to write them, is not cancelled). */
    private PartyDay meeting(UUID partyDayId, boolean writing) {
        // a write holds the session, so its kind cannot change under it (PartyDayService.change locks it too)
        PartyDay day = writing ? days.lock(partyDayId) : days.require(partyDayId);
        if (day.kind != PartyDayKind.ORG_LIFE_MEETING) {
            throw new ProblemException(OrgLifeProblem.ORG_LIFE_NOT_A_MEETING, day.kind.name());
        }
        if (writing && day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(LectureProblem.PARTY_DAY_CLOSED, day.state.name());
        }
        return day;
    }

    private Rectification find(UUID partyDayId, UUID id, boolean lock) {
        Rectification item = lock ? em.find(Rectification.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Rectification.class, id);
        if (item == null || !item.partyDayId.equals(partyDayId)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return item;
    }

    private void apply(Rectification item, PartyDay day, UUID problemId, String text, String measures, UUID ownerId,
            LocalDate dueOn) {
        if (problemId != null && ProblemItem.count("id = ?1 and partyDayId = ?2", problemId, day.id) == 0) {
            throw new ProblemException(OrgLifeProblem.ORG_LIFE_PROBLEM_NOT_FOUND, problemId.toString());
        }
        if (dueOn.isBefore(day.heldOn)) {
            throw new ProblemException(OrgLifeProblem.RECTIFICATION_DUE_BEFORE_SESSION, dueOn.toString(),
                    day.heldOn.toString());
        }
        if (!ownerId.equals(item.ownerId)) {
            requireMember(ownerId, day, calendar.today());
        }
        item.problemId = problemId;
        item.item = text.strip();
        item.measures = measures == null || measures.isBlank() ? null : measures.strip();
        item.ownerId = ownerId;
        item.dueOn = dueOn;
    }

    /** The item written, then its reminder raised ({@code open}) or taken back. */
    private OrgLifeViews.RectificationView saved(Rectification item, boolean open) {
        item.updatedAt = calendar.now();
        // written first: the notices' statements would flush it, and its update would then count twice
        em.flush();
        if (open) {
            notices.open(item);
        } else {
            notices.closed(item);
        }
        return reader.view(item);
    }

    /** The person is a member of the session's branch on that day or on the session's day. */
    private void requireMember(UUID personId, PartyDay day, LocalDate on) {
        long found = ((Number) em.createNativeQuery("select count(*) from membership where person_id = :person and "
                + "org_unit_id = :branch and is_branch and ((start_date <= :on and (end_date is null or end_date >= "
                + ":on)) or (start_date <= :held and (end_date is null or end_date >= :held)))")
                .setParameter("person", personId).setParameter("branch", day.branchId).setParameter("on", on)
                .setParameter("held", day.heldOn).getSingleResult()).longValue();
        if (found == 0) {
            // the id only: a name would tell a caller who someone outside their sight is
            throw new ProblemException(OrgLifeProblem.ORG_LIFE_NOT_MEMBER, personId.toString());
        }
    }
}
