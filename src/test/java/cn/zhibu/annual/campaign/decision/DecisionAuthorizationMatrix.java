package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.arc.Arc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The campaign decision side's operations in the authorisation matrix ({@link AuthorizationMatrixTest}). The
 * matrix's callers are staff accounts without a person: nominating oneself and objecting are a person's own, so
 * they are refused (403 PARTICIPANT_NOT_A_PERSON); a member's list of their own objections likewise. Out of the
 * campaign unit's subtree, a campaign is not found.
 */
public final class DecisionAuthorizationMatrix {

    private DecisionAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> nobody = List.of();
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("nominateCandidate", t -> r -> r.body(Map.of("personId", t.person(),
                "nominatedByUnitId", t.branch())).post(path(campaign(t, StageKind.NOMINATION), "nominations")),
                managers, 201, 404));
        ops.add(new Operation("withdrawNomination", t -> r -> {
            UUID campaign = campaign(t, StageKind.NOMINATION);
            UUID nomination = rows().nominate(campaign, UUID.fromString(t.person()), UUID.fromString(t.branch()));
            return r.delete(path(campaign, "nominations/" + nomination));
        }, managers, 204, 404));
        ops.add(new Operation("listCandidates", t -> r -> r.get(path(nominated(t, StageKind.PEER_EVALUATION),
                "candidates")), everyone, 200, 404));
        ops.add(new Operation("decideRatee", t -> r -> r.body(Map.of("outcome", "NOT_SELECTED", "reason", "名额所限。"))
                .put(path(nominated(t, StageKind.DECISION), "decisions/" + t.person())), managers, 200, 404));
        // during the decision stage members do not see decisions yet
        ops.add(new Operation("listDecisions", t -> r -> r.get(path(nominated(t, StageKind.DECISION), "decisions")),
                managers, 200, 404));
        ops.add(new Operation("raiseObjection", t -> r -> r.body(Map.of("personId", t.person(), "text", "异议。"))
                .post(path(nominated(t, StageKind.PUBLICITY), "objections")), nobody, 201, 404));
        ops.add(new Operation("listObjections", t -> r -> r.get(path(nominated(t, StageKind.PUBLICITY),
                "objections")), managers, 200, 404));
        ops.add(new Operation("answerObjection", t -> r -> {
            UUID campaign = nominated(t, StageKind.PUBLICITY);
            UUID objection = rows().object(campaign, UUID.fromString(t.person()), UUID.fromString(objector(t)));
            return r.header("If-Match", "\"0\"").body(Map.of("answer", "已核实。"))
                    .put(path(campaign, "objections/" + objection + "/answer"));
        }, managers, 200, 404));
        return ops;
    }

    private static CampaignRows rows() {
        return Arc.container().instance(CampaignRows.class).get();
    }

    /** A fresh star selection of the branch with its stage open now. */
    private static UUID campaign(Tree t, StageKind open) {
        return rows().create(UUID.fromString(t.branch()), CampaignType.STAR_SELECTION, 1, null, open);
    }

    /** The same, with the tree's person nominated by the branch. */
    private static UUID nominated(Tree t, StageKind open) {
        UUID campaign = campaign(t, open);
        rows().nominate(campaign, UUID.fromString(t.person()), UUID.fromString(t.branch()));
        return campaign;
    }

    private static String objector(Tree t) {
        return OrgFixtures.person("异议人" + UUID.randomUUID().toString().substring(0, 4), t.branch());
    }

    private static String path(UUID campaign, String rest) {
        return "/v1/campaigns/" + campaign + "/" + rest;
    }
}
