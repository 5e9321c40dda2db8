package cn.zhibu.org.committee;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/org-units/{id}/committee}. */
public final class CommitteeViews {

    /** A branch committee has at most this many members (支委会 of 3 to 7, or up to 9 and more in large branches). */
    static final int MOST = 15;

    private CommitteeViews() {
    }

    @Schema(name = "CommitteeSeat", description = "One member of the committee and their post")
    public record Seat(
            @Schema(required = true) @NotNull UUID personId,
            @Schema(required = true, examples = "ORGANISATION") @NotNull CommitteePost post,
            @Schema(description = "Since when; default: today (zhibu.time-zone)") LocalDate since) {
    }

    @Schema(name = "CommitteeChange", description = "The whole committee, in order (the secretary first, say); "
            + "an empty list dissolves it")
    public record Change(
            @Schema(required = true, maxItems = MOST) @NotNull @Size(max = MOST) List<@NotNull @Valid Seat> members) {
    }

    @Schema(name = "CommitteeMember", description = "A member of the committee")
    public record Member(
            UUID personId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, examples = "张三") String name,
            CommitteePost post,
            @Schema(minimum = "1", maximum = "15") int position,
            LocalDate since) {
    }

    @Schema(name = "Committee", description = "A branch committee (支部委员会): who a BRANCH_COMMITTEE session expects")
    public record Committee(
            UUID branchId,
            @Schema(maxItems = MOST, required = true) List<Member> members) {
    }
}
