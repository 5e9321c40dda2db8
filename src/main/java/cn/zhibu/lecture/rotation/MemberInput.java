package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A member of the branch as the speaker planner sees them.
 *
 * @param groupId their party group, or null (then they count as a group of their own)
 * @param joinedOn the day they joined the branch
 * @param leftOn the last day they belonged to it, or null while they still do
 * @param unavailable single days they cannot attend
 */
public record MemberInput(UUID personId, UUID groupId, boolean probationary, LocalDate joinedOn, LocalDate leftOn,
        List<Exemption> exemptions, Set<LocalDate> unavailable) {

    public MemberInput {
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        unavailable = unavailable == null ? Set.of() : Set.copyOf(unavailable);
    }
}
