package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.VisibilityViews.PersonBoards;
import cn.zhibu.leaderboard.VisibilityViews.UnitBoards;
import java.util.Set;
import java.util.UUID;

/**
 * What one caller may see of a unit's people, by the unit's board visibility: every participant (the people of
 * {@code hiddenBranches} as 匿名), only the caller's own row, or nobody.
 *
 * @param shown what the unit's boards show
 * @param viewer the calling person; null for an API client or an account without a person
 * @param hiddenBranches on a committee's board, the branches whose own person boards are not PUBLISHED
 */
record Seen(BoardVisibility.Shown shown, UUID viewer, Set<UUID> hiddenBranches) {

    /** Everything, as a publication freezes it. */
    static final Seen EVERYTHING = new Seen(new BoardVisibility.Shown(PersonBoards.PUBLISHED, UnitBoards.PUBLISHED,
            true), null, Set.of());

    /** What the unit's person boards show. */
    PersonBoards people() {
        return shown.personBoards();
    }

    /** Whether rows are listed at all: nobody where boards are OFF, nor on SELF_ONLY for a caller without a person. */
    boolean listsAnyone() {
        return people() == PersonBoards.PUBLISHED || people() == PersonBoards.SELF_ONLY && viewer != null;
    }

    /** The one person listed where only one's own row is (null: everyone, or nobody when nothing is listed). */
    UUID onlyPerson() {
        return people() == PersonBoards.SELF_ONLY ? viewer : null;
    }

    /** Whether a row is shown as 匿名, without its id. */
    boolean anonymous(boolean chosen, UUID personId, UUID branchId) {
        if (personId != null && personId.equals(onlyPerson())) {
            return false;
        }
        return chosen || branchId != null && hiddenBranches.contains(branchId);
    }
}
