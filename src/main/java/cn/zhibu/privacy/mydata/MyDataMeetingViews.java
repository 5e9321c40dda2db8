package cn.zhibu.privacy.mydata;

import static cn.zhibu.privacy.mydata.MyDataViews.CODE;

import cn.zhibu.platform.openapi.Patterns;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sections of {@code GET /v1/me/data} about sessions, lectures and organisational life. */
public final class MyDataMeetingViews {

    private MyDataMeetingViews() {
    }

    @Schema(name = "MyDataAttendance", description = "Attendance at a session")
    public record Attendance(UUID partyDayId, UUID personId, @Schema(maxLength = 16, pattern = CODE) String status,
            @Schema(maxLength = 16, pattern = CODE) String method,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String reason,
            Instant recordedAt) {
    }

    @Schema(name = "MyDataSignInCodeUse", description = "A sign-in code the person signed in with")
    public record SignInCodeUse(UUID partyDayId, UUID usedBy,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant usedAt) {
    }

    @Schema(name = "MyDataSignInAttempt", description = "Wrong sign-in codes the person gave at a session")
    public record SignInAttempt(UUID partyDayId, UUID personId,
            @Schema(minimum = "0", maximum = "1000000") int wrongCodes,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant lastWrongAt) {
    }

    @Schema(name = "MyDataLecture", description = "A micro lecture slot the person speaks in")
    public record Lecture(UUID id, UUID partyDayId, UUID speakerId, @Schema(minimum = "1", maximum = "10") int slot,
            @Schema(maxLength = 16, pattern = CODE) String outcome,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT, nullable = true) String topic,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String summary,
            @Schema(type = SchemaType.ARRAY, implementation = MyDataText.class, maxItems = 5) List<String> links,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant recordedAt) {
    }

    @Schema(name = "MyDataLectureSwap", description = "A swap the person asked for, or was asked to take (the other "
            + "person by id; the message only when the person wrote it)")
    public record LectureSwap(UUID id, UUID lectureId, UUID requestedBy, UUID colleagueId,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String message,
            @Schema(maxLength = 16, pattern = CODE) String state, Instant createdAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant decidedAt) {
    }

    @Schema(name = "MyDataLectureRating", description = "A rating the person gave a lecture")
    public record LectureRating(UUID lectureId, UUID personId, @Schema(minimum = "1", maximum = "5") int score,
            Instant createdAt) {
    }

    @Schema(name = "MyDataSpeakerAbsence", description = "An exemption from lecturing, or a day the person cannot")
    public record SpeakerAbsence(UUID id, UUID personId, UUID branchId,
            @Schema(maxLength = 16, pattern = CODE) String kind,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate fromDate,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate toDate,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, nullable = true) String reason, Instant createdAt) {
    }

    @Schema(name = "MyDataCalendarFeed", description = "A calendar feed of the person's sessions")
    public record CalendarFeed(UUID id, UUID personId, Instant createdAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant revokedAt) {
    }

    @Schema(name = "MyDataCommitteePost", description = "A post on a branch committee")
    public record CommitteePost(UUID branchId, UUID personId, @Schema(maxLength = 24, pattern = CODE) String post,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate since) {
    }

    @Schema(name = "MyDataMinutesRole", description = "Minutes the person hosted or recorded (the other by id)")
    public record MinutesRole(UUID partyDayId, UUID hostId, UUID recorderId, Instant writtenAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant archivedAt) {
    }

    @Schema(name = "MyDataMinutesAddendum", description = "An addendum to archived minutes the person wrote")
    public record MinutesAddendum(UUID id, UUID partyDayId, UUID authorPersonId,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT) String text, Instant createdAt) {
    }

    @Schema(name = "MyDataOrgLifeProblem", description = "A problem found of the person at an organisational life "
            + "meeting")
    public record OrgLifeProblem(UUID id, UUID partyDayId, UUID personId,
            @Schema(maxLength = 24, pattern = CODE) String source,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT) String text, Instant createdAt) {
    }

    @Schema(name = "MyDataRectification", description = "A rectification item the person owns")
    public record Rectification(UUID id, UUID partyDayId, UUID ownerId,
            @Schema(maxLength = 500, pattern = Patterns.LONG_TEXT) String item,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String measures,
            @Schema(format = "date", pattern = Patterns.DATE) LocalDate dueOn,
            @Schema(maxLength = 8, pattern = CODE) String state,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String evidence,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant closedAt) {
    }

    @Schema(name = "MyDataPartyLecture", description = "A party lecture the person gave")
    public record PartyLecture(UUID id, UUID partyDayId, UUID personId,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String topic,
            @Schema(type = SchemaType.ARRAY, implementation = MyDataText.class, maxItems = 20) List<String> materials) {
    }
}
