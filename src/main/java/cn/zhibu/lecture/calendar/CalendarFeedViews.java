package cn.zhibu.lecture.calendar;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/calendar-feeds}. */
public final class CalendarFeedViews {

    /** A feed token: 32 random bytes, base64url without padding. */
    public static final String TOKEN = "^[A-Za-z0-9_-]{43}$";
    /** The secret address of a feed. */
    public static final String URL = "^/v1/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$";

    private CalendarFeedViews() {
    }

    @Schema(name = "CalendarFeedCreate", description = "A new calendar feed: PERSON, the caller's own sessions (the "
            + "sessions of the branch they belong to, marked where they lecture); BRANCH, every session of a branch "
            + "the caller may see the party days of.")
    public record Create(
            @Schema(required = true, examples = "PERSON") @NotNull CalendarFeedScope scope,
            @Schema(description = "For BRANCH feeds, the branch (required); none for PERSON feeds", format = "uuid",
                    pattern = Patterns.UUID, nullable = true,
                    examples = "3f1c2a9e-4b7d-4e2a-9c1f-8d6b5a4e3c21") UUID branchId) {
    }

    @Schema(name = "CalendarFeed", description = "A live calendar feed, without its secret address")
    public record Feed(
            @Schema(format = "uuid", pattern = Patterns.UUID) UUID id,
            @Schema(examples = "BRANCH") CalendarFeedScope scope,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "For BRANCH feeds") UUID branchId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "For PERSON feeds") UUID personId,
            @Schema(format = "date-time", pattern = Patterns.INSTANT) Instant createdAt) {
    }

    @Schema(name = "CalendarFeedCreated", description = "A new calendar feed with its secret address, shown this "
            + "once: only a hash of it is kept. Anyone with the address reads the calendar; revoke the feed to end it.")
    public record Created(
            @Schema(format = "uuid", pattern = Patterns.UUID) UUID id,
            @Schema(examples = "PERSON") CalendarFeedScope scope,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "For BRANCH feeds") UUID branchId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "For PERSON feeds") UUID personId,
            @Schema(description = "The secret address, relative to the API's base address; subscribe to it in a "
                    + "calendar app (as https:// or webcal://)", format = "uri-reference", maxLength = 70,
                    pattern = URL, examples = "/v1/calendar-feeds/q1T2v3w4x5y6z7A8B9C0d1e2f3g4h5i6j7k8l9m0n1o.ics")
            String url,
            @Schema(format = "date-time", pattern = Patterns.INSTANT) Instant createdAt) {
    }

    @Schema(name = "CalendarFeedList", description = "The caller's live feeds, newest first (at most "
            + CalendarFeedService.MAX_LIVE + ", so one page)")
    public record Feeds(
            @Schema(type = SchemaType.ARRAY, implementation = Feed.class, maxItems = CalendarFeedService.MAX_LIVE,
                    required = true) List<Feed> items) {
    }
}
