package cn.zhibu.org.people;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of {@code /v1/people}. */
public final class PersonRequests {

    static final String PHONE = "^1[3-9][0-9]{9}$";
    static final String EXTERNAL_ID = "^[A-Za-z0-9._:-]{1,64}$";

    private PersonRequests() {
    }

    @Schema(name = "PersonCreate", description = "A new person, with the branch (and party groups or departments) they belong to.")
    public record Create(
            @Schema(description = "An id from another system (for imports); unique", maxLength = 64,
                    pattern = EXTERNAL_ID, examples = "HR-000123")
            @Size(max = 64) @Pattern(regexp = EXTERNAL_ID) String externalId,
            @Schema(description = "Name", minLength = 1, maxLength = 32, pattern = Patterns.TEXT, required = true,
                    examples = "张三")
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(required = true, examples = "FEMALE") @NotNull Gender gender,
            @Schema(description = "Birth date", format = "date", required = true,
                    examples = "1988-05-04")
            @NotNull @Past LocalDate birthDate,
            @Schema(required = true, examples = "FULL") @NotNull PoliticalStatus politicalStatus,
            @Schema(description = "Date of joining the party (members only)", format = "date",
                    examples = "2012-07-01")
            @PastOrPresent LocalDate partyJoinDate,
            @Schema(description = "Job title", maxLength = 64, pattern = Patterns.TEXT, examples = "科员")
            @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String jobTitle,
            @Schema(description = "Whether the person is a leading cadre (and has an integrity file)",
                    examples = "false")
            boolean leadingCadre,
            @Schema(description = "Mainland mobile number; stored encrypted, shown masked", maxLength = 11,
                    pattern = PHONE, examples = "13800138000")
            @Pattern(regexp = PHONE) String phone,
            @Schema(description = "The branch", required = true)
            @NotNull UUID branchId,
            @Schema(description = "Party groups or departments of that branch", maxItems = 8)
            @Size(max = 8) List<@NotNull UUID> groupIds,
            @Schema(description = "Member of these units since (default: today)", format = "date",
                    examples = "2026-01-01")
            LocalDate since) {
    }

    @Schema(name = "PersonChange", description = "A person's details (memberships change by transfer).")
    public record Change(
            @Schema(description = "Name", minLength = 1, maxLength = 32, pattern = Patterns.TEXT, required = true,
                    examples = "张三")
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(required = true, examples = "FEMALE") @NotNull Gender gender,
            @Schema(description = "Birth date", format = "date", required = true,
                    examples = "1988-05-04")
            @NotNull @Past LocalDate birthDate,
            @Schema(required = true, examples = "FULL") @NotNull PoliticalStatus politicalStatus,
            @Schema(description = "Date of joining the party (members only)", format = "date",
                    examples = "2012-07-01")
            @PastOrPresent LocalDate partyJoinDate,
            @Schema(description = "Job title", maxLength = 64, pattern = Patterns.TEXT, examples = "科员")
            @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String jobTitle,
            @Schema(description = "Whether the person is a leading cadre", examples = "false")
            boolean leadingCadre,
            @Schema(description = "Mainland mobile number; none to remove it", maxLength = 11, pattern = PHONE,
                    examples = "13800138000")
            @Pattern(regexp = PHONE) String phone) {
    }

    @Schema(name = "PersonTransfer", description = "Move a person to another branch or other groups from a date.")
    public record Transfer(
            @Schema(description = "The new branch (may be the same one)",
                    required = true)
            @NotNull UUID branchId,
            @Schema(description = "Party groups or departments of that branch", maxItems = 8)
            @Size(max = 8) List<@NotNull UUID> groupIds,
            @Schema(description = "First day in the new units; the old ones end the day before", format = "date",
                    required = true, examples = "2026-12-01")
            @NotNull LocalDate date) {
    }

    @Schema(name = "PersonLeave", description = "A person leaves the branch on a date.")
    public record Leave(
            @Schema(description = "Last day of membership", format = "date", required = true,
                    examples = "2026-12-31")
            @NotNull LocalDate date) {
    }
}
