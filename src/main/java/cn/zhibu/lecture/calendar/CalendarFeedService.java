package cn.zhibu.lecture.calendar;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.crypto.Secrets;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.security.StandingAccess;
import java.util.regex.Pattern;

/**
 * Calendar feeds: made with a secret token (kept only as its SHA-256 hash), listed and revoked by the account
 * that made them, and read by whoever holds the token.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** Live feeds per account. */
    public static final int MAX_LIVE = 10;
    static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile(CalendarFeedViews.TOKEN);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final FeedCalendar feeds;
    private final StandingAccess standing;

    CalendarFeedService(EntityManager em, BusinessCalendar calendar, FeedCalendar feeds, StandingAccess standing) {
        this.em = em;
        this.standing = standing;
        this.calendar = calendar;
        this.feeds = feeds;
    }

    /** A PERSON feed of {@code personId}'s sessions, or a BRANCH feed of {@code branchId}'s, made by {@code createdBy}. */
    @Transactional
    public CalendarFeedViews.Created create(CalendarFeedScope scope, UUID personId, UUID branchId, String createdBy) {
        if (scope == CalendarFeedScope.BRANCH) {
            OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(branchId).orElseThrow(
                    () -> new ProblemException(LectureProblem.PARTY_DAY_BRANCH_NOT_FOUND, branchId.toString()));
            if (unit.kind != OrgUnitKind.BRANCH || unit.archived()) {
                throw new ProblemException(LectureProblem.PARTY_DAY_NOT_A_BRANCH, unit.name);
            }
        }
        // one account's feeds are counted and added one request at a time
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "calendar_feed:" + createdBy).getSingleResult();
        long live = CalendarFeed.count("createdBy = ?1 and revokedAt is null", createdBy);
        if (live >= MAX_LIVE) {
            throw new ProblemException(LectureProblem.CALENDAR_FEEDS_TOO_MANY, MAX_LIVE);
        }
        String token = Secrets.urlSafe(TOKEN_BYTES);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.scope = scope;
        feed.personId = scope == CalendarFeedScope.PERSON ? personId : null;
        feed.branchId = scope == CalendarFeedScope.BRANCH ? branchId : null;
        feed.tokenHash = Secrets.sha256(token);
        feed.createdBy = createdBy;
        feed.createdAt = calendar.now();
        feed.persist();
        return new CalendarFeedViews.Created(feed.id, feed.scope, feed.branchId, feed.personId,
                "/v1/calendar-feeds/" + token + ".ics", feed.createdAt);
    }

    /** The live feeds {@code createdBy} made, newest first. */
    public List<CalendarFeedViews.Feed> list(String createdBy) {
        List<CalendarFeed> rows = CalendarFeed.list("createdBy = ?1 and revokedAt is null order by createdAt desc, id",
                createdBy);
        return rows.stream().map(f -> new CalendarFeedViews.Feed(f.id, f.scope, f.branchId, f.personId, f.createdAt))
                .toList();
    }

    /**
     * Revokes a live feed {@code createdBy} made, or a BRANCH feed of a branch where {@code managesBranch} says the
     * caller manages party days (a leaked address is stopped without its maker); any other answers 404. Its
     * address answers 404 from now on.
     */
    @Transactional
    public void revoke(UUID id, String createdBy, java.util.function.Predicate<UUID> managesBranch) {
        CalendarFeed feed = CalendarFeed.<CalendarFeed>find("id = ?1 and revokedAt is null", id).firstResultOptional()
                .filter(f -> createdBy.equals(f.createdBy)
                        || (f.scope == CalendarFeedScope.BRANCH && managesBranch.test(f.branchId)))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        int revoked = em.createQuery("update CalendarFeed set revokedAt = :now where id = :id and revokedAt is null")
                .setParameter("now", calendar.now()).setParameter("id", feed.id).executeUpdate();
        if (revoked == 0) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
    }

    /**
     * The calendar of the live feed with this token, or empty when the token is malformed, unknown or revoked
     * (the feed is found by the token's hash, never by comparing tokens).
     */
    @Transactional
    public Optional<String> calendar(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return CalendarFeed.<CalendarFeed>find("tokenHash = ?1 and revokedAt is null", (Object) Secrets.sha256(token))
                .firstResultOptional().filter(this::stillAllowed).map(feeds::write);
    }

    /**
     * Whoever made the feed must still be allowed to see what it shows, now: a BRANCH feed stops when its maker
     * loses sight of the branch's party days, a PERSON feed when the person's account no longer stands.
     */
    @SuppressWarnings("unchecked")
    private boolean stillAllowed(CalendarFeed feed) {
        if (feed.scope == CalendarFeedScope.BRANCH) {
            return standing.allows(feed.createdBy, Action.PARTY_DAY_READ, feed.branchId);
        }
        List<UUID> branch = em.createNativeQuery("select org_unit_id from membership where person_id = :p "
                + "and is_branch and end_date is null").setParameter("p", feed.personId).getResultList();
        return branch.isEmpty() || standing.allows(feed.createdBy, Action.PARTY_DAY_READ, branch.get(0));
    }
}
