package cn.zhibu.identity;

import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.security.Roles;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What each role and each API client scope allows. The one table of who may do what. */
public final class Permissions {

    private static final Map<String, Set<Action>> BY_ROLE = Map.of(
            Roles.MEMBER, EnumSet.of(Action.ORG_READ, Action.PEOPLE_READ, Action.LEADERBOARD_READ,
                    Action.PARTY_DAY_READ, Action.ANNUAL_READ),
            Roles.GROUP_LEADER, EnumSet.of(Action.ORG_READ, Action.PEOPLE_READ, Action.POINTS_READ,
                    Action.LEADERBOARD_READ, Action.PARTY_DAY_READ, Action.LECTURE_COVERAGE_READ, Action.ANNUAL_READ),
            Roles.INTEGRITY_OFFICER, EnumSet.of(Action.ORG_READ, Action.PEOPLE_READ, Action.LEADERBOARD_READ,
                    Action.PARTY_DAY_READ, Action.ANNUAL_READ, Action.INTEGRITY_FILE_READ, Action.INTEGRITY_FILE_WRITE,
                    Action.INTEGRITY_STATS_READ),
            Roles.SECRETARY, EnumSet.of(Action.ORG_READ, Action.PEOPLE_READ, Action.PEOPLE_WRITE,
                    Action.PEOPLE_IMPORT, Action.INVITATION_ISSUE, Action.SCORING_RULE_WRITE, Action.POINTS_READ,
                    Action.POINTS_AWARD, Action.POINTS_IMPORT, Action.STUDY_MATERIAL_WRITE, Action.CHECK_IN_REVIEW,
                    Action.LEADERBOARD_READ, Action.LEADERBOARD_MANAGE, Action.PARTY_DAY_READ, Action.PARTY_DAY_MANAGE,
                    Action.LECTURE_COVERAGE_READ, Action.ORG_LIFE_REPORT_READ, Action.ANNUAL_READ, Action.ANNUAL_MANAGE,
                    Action.INTEGRITY_DECLARATION_REVIEW, Action.NOTIFICATION_SETTINGS_WRITE, Action.STATS_READ,
                    Action.EXPORT_MANAGE),
            // integrity files are read only by integrity officers: an org admin reads them when granted that role too
            Roles.ORG_ADMIN, EnumSet.complementOf(EnumSet.of(Action.INTEGRITY_FILE_READ, Action.INTEGRITY_FILE_WRITE,
                    Action.INTEGRITY_DECLARATION_REVIEW)));

    /** API client scopes, in the order they are documented. Scopes of later capabilities allow nothing yet. */
    public static final Map<String, Set<Action>> BY_SCOPE;

    static {
        Map<String, Set<Action>> scopes = new LinkedHashMap<>();
        scopes.put("org:read", EnumSet.of(Action.ORG_READ));
        scopes.put("people:read", EnumSet.of(Action.ORG_READ, Action.PEOPLE_READ));
        scopes.put("people:write", EnumSet.of(Action.ORG_READ, Action.PEOPLE_READ, Action.PEOPLE_WRITE,
                Action.PEOPLE_IMPORT));
        scopes.put("points:write", EnumSet.of(Action.ORG_READ, Action.POINTS_READ, Action.POINTS_AWARD,
                Action.POINTS_IMPORT));
        scopes.put("leaderboards:read", EnumSet.of(Action.ORG_READ, Action.LEADERBOARD_READ));
        scopes.put("stats:read", EnumSet.of(Action.ORG_READ, Action.PARTY_DAY_READ, Action.LECTURE_COVERAGE_READ,
                Action.STATS_READ));
        BY_SCOPE = java.util.Collections.unmodifiableMap(scopes);
    }

    public static final String SCOPE_PATTERN = "^(org:read|people:read|people:write|points:write|leaderboards:read|stats:read)$";

    private Permissions() {
    }

    public static Set<Action> ofRole(String role) {
        return BY_ROLE.getOrDefault(role, Set.of());
    }

    public static Set<Action> ofScope(String scope) {
        return BY_SCOPE.getOrDefault(scope, Set.of());
    }

    /** What one grant of a caller allows: a role's actions, or for an API client the union of its scopes'. */
    public static Set<Action> of(Caller caller, Caller.Grant grant) {
        if (caller.kind() == Caller.Kind.API_CLIENT) {
            Set<Action> actions = EnumSet.noneOf(Action.class);
            caller.scopes().forEach(scope -> actions.addAll(ofScope(scope)));
            return actions;
        }
        return ofRole(grant.role());
    }
}
