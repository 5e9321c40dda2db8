package cn.zhibu.identity.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/accounts}. */
public final class AccountViews {

    private AccountViews() {
    }

    @Schema(name = "StaffAccountCreate", description = "A user name and, optionally, the person the account belongs to.")
    public record Create(
            @Schema(description = "User name (stored in lower case)", minLength = 3, maxLength = 32,
                    pattern = "^[A-Za-z0-9._-]{3,32}$", required = true, examples = "li.secretary")
            @NotNull @Pattern(regexp = "^[A-Za-z0-9._-]{3,32}$") String username,
            @Schema(description = "The person, if the account is theirs")
            UUID personId) {
    }

    @Schema(name = "NewStaffAccount", description = "A new staff account and its one-time password, shown only now.")
    public record NewAccount(
            UUID id,
            @Schema(maxLength = 32, examples = "li.secretary") String username,
            @Schema(format = "uuid", nullable = true) UUID personId,
            @Schema(description = "Sign in with it once, then change it", maxLength = 16, examples = "x7Kq2mPz9RtW4bNc")
            String oneTimePassword) {
    }
}
