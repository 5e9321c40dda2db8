package cn.zhibu.org.people;

import cn.zhibu.platform.openapi.Patterns;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response bodies of {@code /v1/people}. */
public final class PersonViews {

    static final String MASKED_PHONE = "^1[0-9]{2}([0-9]{4}|\\*{4})[0-9]{4}$";

    private PersonViews() {
    }

    @Schema(name = "Person", description = "A person and the units they belong to now.")
    public record PersonView(
            UUID id,
            @Schema(description = "Id from another system", maxLength = 64, pattern = PersonRequests.EXTERNAL_ID,
                    nullable = true) String externalId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "张三") String name,
            Gender gender,
            @Schema(format = "date") LocalDate birthDate,
            PoliticalStatus politicalStatus,
            @Schema(format = "date", nullable = true, pattern = Patterns.DATE) LocalDate partyJoinDate,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, nullable = true) String jobTitle,
            boolean leadingCadre,
            @Schema(description = "The phone number; masked (138****8000) unless the caller is an org admin",
                    maxLength = 11, pattern = MASKED_PHONE, nullable = true, examples = "138****8000") String phone,
            @Schema(description = "The branch now; null once the person has left", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID branchId,
            @Schema(description = "Party groups or departments now", maxItems = 8) List<UUID> groupIds,
            boolean active,
            @Schema(description = "Last day of membership, once left", format = "date",
                    nullable = true, pattern = Patterns.DATE) LocalDate leftOn,
            @Schema(description = "Version; the ETag of the resource") long version,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "PersonPage", description = "One page of people.")
    public record PersonPage(
            @Schema(maxItems = 100, required = true) List<PersonView> items,
            @Schema(maxLength = 512, pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true,
                    required = true) String nextCursor) {
    }

    @Schema(name = "Membership", description = "A membership of an org unit, from one date to another.")
    public record MembershipView(
            UUID orgUnitId,
            @Schema(format = "date") LocalDate startDate,
            @Schema(description = "Last day; null while it lasts", format = "date", nullable = true,
                    pattern = Patterns.DATE)
            LocalDate endDate) {
    }

    @Schema(name = "MembershipPage", description = "One page of a person's memberships, oldest first.")
    public record MembershipPage(
            @Schema(maxItems = 100, required = true) List<MembershipView> items,
            @Schema(maxLength = 512, pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true,
                    required = true) String nextCursor) {
    }

    @Schema(name = "PoliticalBirthday", description = "A party anniversary (政治生日) within the asked dates.")
    public record PoliticalBirthdayView(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT) String name,
            @Schema(format = "date") LocalDate partyJoinDate,
            @Schema(description = "The anniversary", format = "date") LocalDate anniversary,
            @Schema(description = "Years in the party on that day", minimum = "1", maximum = "150", format = "int32")
            int years) {
    }

    @Schema(name = "PoliticalBirthdayPage", description = "One page of political birthdays, in date order.")
    public record PoliticalBirthdayPage(
            @Schema(maxItems = 100, required = true) List<PoliticalBirthdayView> items,
            @Schema(maxLength = 512, pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true,
                    required = true) String nextCursor) {
    }
}
