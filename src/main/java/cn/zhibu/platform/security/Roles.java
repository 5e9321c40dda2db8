package cn.zhibu.platform.security;

/** The roles a caller may hold (granted on an org unit, holding for its subtree). */
public final class Roles {

    public static final String MEMBER = "MEMBER";
    public static final String GROUP_LEADER = "GROUP_LEADER";
    public static final String SECRETARY = "SECRETARY";
    public static final String INTEGRITY_OFFICER = "INTEGRITY_OFFICER";
    public static final String ORG_ADMIN = "ORG_ADMIN";

    private Roles() {
    }
}
