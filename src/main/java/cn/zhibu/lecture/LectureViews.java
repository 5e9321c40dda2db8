package cn.zhibu.lecture;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/micro-lectures} and {@code /v1/lecture-swaps}. */
public final class LectureViews {

    /** An http or https address, ASCII. */
    static final String URL = "^https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?([/?#][\\x21-\\x7E]*)?$";

    private LectureViews() {
    }

    @Schema(name = "MicroLectureSpeaker", description = "Who gives the lecture, chosen by a secretary; none: the "
            + "slot is emptied and left to the rotation again")
    public record Speaker(
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID personId) {
    }

    @Schema(name = "MicroLectureDelivery", description = "Whether the lecture was given, and if so on what")
    public record Delivery(
            @Schema(required = true) @NotNull Boolean delivered,
            @Schema(description = "Required when delivered", maxLength = 100, pattern = Patterns.TEXT,
                    examples = "从“两个确立”谈基层党员的责任") @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String topic,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, examples = "结合本科室工作谈体会。")
            @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String summary,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class,
                    description = "Links to materials (http or https)")
            @Size(max = 5) List<@NotNull @Size(min = 10, max = 2048) @Pattern(regexp = URL) String> links) {
    }

    @Schema(name = "LectureSwapCreate", description = "Ask a colleague to take my lecture slot")
    public record SwapRequest(
            @Schema(required = true) @NotNull UUID colleagueId,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, examples = "那天出差，能否帮我讲？")
            @Size(max = 200) @Pattern(regexp = Patterns.LONG_TEXT) String message) {
    }

    @Schema(name = "LectureSwap", description = "A speaker's request that a colleague take their lecture slot")
    public record Swap(
            UUID id,
            UUID lectureId,
            UUID partyDayId,
            @Schema(format = "date") LocalDate heldOn,
            @Schema(minimum = "1", maximum = "10") int slot,
            UUID requestedBy,
            UUID colleagueId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200, nullable = true) String message,
            LectureSwap.State state,
            Instant createdAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true)
            Instant decidedAt) {

        static Swap of(LectureSwap s, MicroLecture lecture, PartyDay day) {
            return new Swap(s.id, s.lectureId, day.id, day.heldOn, lecture.slot, s.requestedBy, s.colleagueId,
                    s.message, s.state, s.createdAt, s.decidedAt);
        }
    }

    @Schema(name = "LectureSwapList", description = "Swap requests I made or was asked, latest first (the latest 100)")
    public record Swaps(@Schema(type = SchemaType.ARRAY, implementation = Swap.class, maxItems = 100)
            List<Swap> items) {
    }

    @Schema(name = "MicroLectureList", description = "My lecture slots, latest session first (the latest 100)")
    public record Mine(@Schema(type = SchemaType.ARRAY, implementation = PartyDayViews.Lecture.class, maxItems = 100)
            List<PartyDayViews.Lecture> items) {
    }
}
