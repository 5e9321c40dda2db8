package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.study.quiz.Quiz;
import cn.zhibu.study.quiz.QuizGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result table of a contest. Each person counts once, with their first attempt submitted that started within
 * the contest's window (as the ledger scores a person's first submission of a day; later ones are practice). People
 * rank by score, then time taken, then submission; teams by {@link ContestViews#TEAM_RULE}.
 */
@ApplicationScoped
public class ContestResults {

    private final EntityManager em;
    private final ContestSessions sessions;
    private final ContestService contests;

    ContestResults(EntityManager em, ContestSessions sessions, ContestService contests) {
        this.em = em;
        this.sessions = sessions;
        this.contests = contests;
    }

    /** One person's counted attempt. */
    private record Counted(UUID personId, String name, boolean anonymous, int score, boolean late, Duration taken,
            Instant submittedAt) {
    }

    /** The session's result table; 404 when it has no contest. */
    public ContestViews.Results of(ContestSessions.Session session) {
        QuizContest contest = ContestService.of(session.id());
        Quiz quiz = Quiz.findById(contest.quizId);
        QuizGate.Window window = contests.windowOf(session);
        List<Counted> counted = counted(contest.quizId, window);
        counted.sort(Comparator.comparingInt(Counted::score).reversed().thenComparing(Counted::taken)
                .thenComparing(Counted::submittedAt).thenComparing(Counted::personId));
        Map<UUID, UUID> teams = Map.of();
        Map<UUID, String> groupNames = new HashMap<>();
        List<ContestSessions.Group> groups = List.of();
        if (contest.mode == ContestMode.TEAMS) {
            groups = sessions.partyGroups(session.branchId(), session.startsAt());
            groups.forEach(g -> groupNames.put(g.id(), g.name()));
            teams = sessions.teams(groupNames.keySet(), session.heldOn());
        }
        List<ContestViews.PersonResult> people = new ArrayList<>();
        int unteamed = 0;
        for (Counted c : counted) {
            UUID team = teams.get(c.personId());
            if (contest.mode == ContestMode.TEAMS && team == null) {
                unteamed++;
            }
            people.add(new ContestViews.PersonResult(people.size() + 1, c.anonymous() ? null : c.personId(),
                    c.anonymous() ? null : c.name(), c.anonymous(), team, groupNames.get(team), c.score(),
                    c.taken().toSeconds(), c.late(), c.submittedAt()));
        }
        List<ContestViews.TeamResult> table = contest.mode == ContestMode.TEAMS ? teams(groups, teams, counted)
                : List.of();
        return new ContestViews.Results(session.id(), contest.quizId, contest.mode, quiz.questionIds.length, people,
                table, contest.mode == ContestMode.TEAMS ? ContestViews.TEAM_RULE : null, unteamed);
    }

    /** The teams ranked: mean score, then mean time, then how many answered, then the groups' order. */
    private static List<ContestViews.TeamResult> teams(List<ContestSessions.Group> groups, Map<UUID, UUID> teams,
            List<Counted> counted) {
        Map<UUID, Integer> members = new HashMap<>();
        teams.values().forEach(g -> members.merge(g, 1, Integer::sum));
        Map<UUID, List<Counted>> answered = new HashMap<>();
        for (Counted c : counted) {
            UUID team = teams.get(c.personId());
            if (team != null) {
                answered.computeIfAbsent(team, k -> new ArrayList<>()).add(c);
            }
        }
        record Row(int order, ContestSessions.Group group, int answered, int total, BigDecimal mean, Long seconds) {
        }
        List<Row> rows = new ArrayList<>();
        for (ContestSessions.Group group : groups) {
            List<Counted> of = answered.getOrDefault(group.id(), List.of());
            int total = of.stream().mapToInt(Counted::score).sum();
            BigDecimal mean = of.isEmpty() ? null
                    : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(of.size()), 2, RoundingMode.HALF_UP);
            Long seconds = of.isEmpty() ? null
                    : Math.round(of.stream().mapToLong(c -> c.taken().toMillis()).sum() / 1000.0 / of.size());
            rows.add(new Row(rows.size(), group, of.size(), total, mean, seconds));
        }
        // ranked on the exact means, not the rounded ones shown
        Comparator<Row> best = Comparator.comparing((Row r) -> r.answered() == 0)
                .thenComparing((Row r) -> r.answered() == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(r.total()).divide(BigDecimal.valueOf(r.answered()), 10,
                                RoundingMode.HALF_UP), Comparator.reverseOrder())
                .thenComparing(r -> r.seconds() == null ? 0L : r.seconds())
                .thenComparing(Row::answered, Comparator.reverseOrder())
                .thenComparingInt(Row::order);
        rows.sort(best);
        List<ContestViews.TeamResult> table = new ArrayList<>();
        int rank = 0;
        for (Row r : rows) {
            table.add(new ContestViews.TeamResult(r.answered() == 0 ? null : ++rank, r.group().id(), r.group().name(),
                    members.getOrDefault(r.group().id(), 0), r.answered(), r.total(), r.mean(), r.seconds()));
        }
        return table;
    }

    /** Each person's first submitted attempt of the quiz that started within the window. */
    private List<Counted> counted(UUID quizId, QuizGate.Window window) {
        List<Tuple> rows = em.createNativeQuery("""
                select distinct on (a.person_id) a.person_id as person_id, p.name as name,
                    coalesce(lp.anonymous, false) as anonymous, a.score as score, a.late as late,
                    a.started_at as started_at, a.submitted_at as submitted_at
                from quiz_attempt a
                join person p on p.id = a.person_id
                left join leaderboard_preference lp on lp.person_id = a.person_id
                where a.quiz_id = :quiz and a.submitted_at is not null
                    and a.started_at >= :from and a.started_at < :until
                order by a.person_id, a.submitted_at, a.id""", Tuple.class)
                .setParameter("quiz", quizId).setParameter("from", window.from()).setParameter("until", window.until())
                .getResultList();
        List<Counted> counted = new ArrayList<>();
        for (Tuple row : rows) {
            Instant started = Rows.instant(row, "started_at");
            Instant submitted = Rows.instant(row, "submitted_at");
            counted.add(new Counted(Rows.uuid(row, "person_id"), Rows.string(row, "name"),
                    Rows.bool(row, "anonymous"), Rows.integer(row, "score"), Rows.bool(row, "late"),
                    Duration.between(started, submitted), submitted));
        }
        return counted;
    }
}
