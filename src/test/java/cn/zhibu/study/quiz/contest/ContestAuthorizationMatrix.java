package cn.zhibu.study.quiz.contest;

import static cn.zhibu.study.quiz.contest.ContestFixtures.contest;
import static cn.zhibu.study.quiz.contest.ContestFixtures.link;
import static cn.zhibu.study.quiz.contest.ContestFixtures.quiz;
import static cn.zhibu.study.quiz.contest.ContestFixtures.started;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.TestTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The contest operations in the authorisation matrix ({@link AuthorizationMatrixTest}). Linking needs the right to
 * manage the session's party days and to write quizzes of its branch; whoever reads the session's party days reads
 * its contest and result table. Outside the branch the session is not seen (404).
 */
public final class ContestAuthorizationMatrix {

    private ContestAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> secretaries = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("createPartyDayContest", t -> r -> link(r, started(t.branch(), TestTime.now()),
                quiz(t.branch()), "TEAMS"), secretaries, 201, 404));
        ops.add(new Operation("getPartyDayContest", t -> r -> r.get("/v1/party-days/" + contest(t.branch(), "TEAMS")
                + "/contest"), everyone, 200, 404));
        ops.add(new Operation("getPartyDayContestResults", t -> r -> r.get("/v1/party-days/"
                + contest(t.branch(), "TEAMS") + "/contest/results"), everyone, 200, 404));
        return ops;
    }
}
