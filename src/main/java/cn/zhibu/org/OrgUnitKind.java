package cn.zhibu.org;

import java.util.Set;

/** What an org unit is, and what it may contain. */
public enum OrgUnitKind {
    /** 党委 / 党组织: a committee; holds committees and branches. */
    COMMITTEE,
    /** 党支部: a branch, the unit members belong to; holds party groups and departments. */
    BRANCH,
    /** 党小组: a party group of a branch. */
    PARTY_GROUP,
    /** 科室: a department of a branch (it hosts party days in turn). */
    DEPARTMENT;

    /** The kinds a unit of this kind may hold. */
    public Set<OrgUnitKind> children() {
        return switch (this) {
            case COMMITTEE -> Set.of(COMMITTEE, BRANCH);
            case BRANCH -> Set.of(PARTY_GROUP, DEPARTMENT);
            case PARTY_GROUP, DEPARTMENT -> Set.of();
        };
    }

    /** Whether a unit of this kind may stand at the top of the tree. */
    public boolean mayBeRoot() {
        return this == COMMITTEE || this == BRANCH;
    }
}
