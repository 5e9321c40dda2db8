package cn.zhibu.integrity.entry;

import cn.zhibu.platform.openapi.Patterns;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an entry says, one record per {@link EntryType}, named by its {@code type}. All of it is sealed
 * (encrypted) at rest: identity numbers, relatives, assets, talks and sanctions alike.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = EntryContent.Profile.class, name = "PROFILE"),
        @JsonSubTypes.Type(value = EntryContent.Family.class, name = "FAMILY"),
        @JsonSubTypes.Type(value = EntryContent.PersonalMatters.class, name = "PERSONAL_MATTERS"),
        @JsonSubTypes.Type(value = EntryContent.Gift.class, name = "GIFT"),
        @JsonSubTypes.Type(value = EntryContent.Talk.class, name = "TALK"),
        @JsonSubTypes.Type(value = EntryContent.Discipline.class, name = "DISCIPLINE"),
        @JsonSubTypes.Type(value = EntryContent.ConductReview.class, name = "CONDUCT_REVIEW"),
        @JsonSubTypes.Type(value = EntryContent.OpinionRequest.class, name = "OPINION_REQUEST"),
        @JsonSubTypes.Type(value = EntryContent.OpinionReply.class, name = "OPINION_REPLY")})
@Schema(name = "IntegrityEntryContent", description = "An entry's content: exactly one of these schemas, the one "
        + "its type names.",
        oneOf = {EntryContent.Profile.class, EntryContent.Family.class, EntryContent.PersonalMatters.class,
                EntryContent.Gift.class, EntryContent.Talk.class, EntryContent.Discipline.class,
                EntryContent.ConductReview.class, EntryContent.OpinionRequest.class, EntryContent.OpinionReply.class})
public sealed interface EntryContent {
    // each record's type is its own whatever it is given (null included), so content and type never disagree

    /** A resident identity number (居民身份证号码): 17 digits and a digit or X. */
    String ID_NUMBER = "^[0-9]{17}[0-9X]$";

    EntryType type();

    /** The period this content reports on, when it has one (for the file's due dates). */
    default LocalDate reviewedOn() {
        return null;
    }

    @Schema(name = "IntegrityProfile", description = "Basic profile snapshot (基本情况) at the time of filing")
    record Profile(
            @Schema(required = true, enumeration = "PROFILE") @NotNull EntryType type,
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(description = "Resident identity number") @NotBlank @Pattern(regexp = ID_NUMBER) @Size(max = 18)
            String idNumber,
            @NotNull LocalDate birthDate,
            @Schema(description = "Position (职务)", examples = "区委组织部副部长") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String position,
            @Schema(nullable = true, description = "Rank (职级)", examples = "二级调研员") @Size(max = 50) @Pattern(regexp = Patterns.TEXT)
            String rank,
            @Schema(nullable = true, format = "date", pattern = Patterns.DATE, description = "Appointed to the position on")
            LocalDate appointedOn,
            @Schema(nullable = true, description = "Highest education", examples = "研究生") @Size(max = 50) @Pattern(regexp = Patterns.TEXT)
            String education,
            @Schema(nullable = true) @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String address) implements EntryContent {

        public Profile {
            type = EntryType.PROFILE;
        }
    }

    /** How a relative is related to the cadre. */
    enum Relation {
        SPOUSE, CHILD, CHILD_IN_LAW, PARENT, PARENT_IN_LAW, SIBLING, OTHER
    }

    @Schema(name = "IntegrityRelative", description = "A family member or main social relation")
    record Relative(
            @NotNull Relation relation,
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(nullable = true) @Pattern(regexp = ID_NUMBER) @Size(max = 18) String idNumber,
            @Schema(nullable = true, format = "date", pattern = Patterns.DATE) LocalDate birthDate,
            @Schema(nullable = true, description = "Employer (工作单位)") @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String employer,
            @Schema(nullable = true) @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String position,
            @Schema(nullable = true, description = "Businesses they run or hold shares in (经商办企业)") @Size(max = 500)
            @Pattern(regexp = Patterns.LONG_TEXT) String businesses,
            @Schema(nullable = true, format = "uuid", pattern = Patterns.UUID, description = "The relative's person id, when they are a person here: neither opens the "
                    + "other's integrity file") UUID personId) {
    }

    @Schema(name = "IntegrityFamily", description = "Family members and main social relations (家庭成员及主要社会关系)")
    record Family(
            @Schema(required = true, enumeration = "FAMILY") @NotNull EntryType type,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Relative> members) implements EntryContent {

        public Family {
            type = EntryType.FAMILY;
        }
    }

    @Schema(name = "IntegrityHousing", description = "A dwelling owned by the cadre or their family")
    record Housing(
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String address,
            @Schema(nullable = true) @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal areaSquareMetres,
            @Schema(nullable = true, description = "How it was acquired", examples = "购买商品房") @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String source,
            @Schema(nullable = true, description = "Whose it is", examples = "本人、配偶共有") @Size(max = 100) @Pattern(regexp = Patterns.TEXT)
            String owner) {
    }

    /** The kinds of investment a report lists. */
    enum InvestmentKind {
        STOCK, FUND, INSURANCE, COMPANY_SHARE, OTHER
    }

    @Schema(name = "IntegrityInvestment", description = "Stocks, funds, insurance and other investments")
    record Investment(
            @NotNull InvestmentKind kind,
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String description,
            @Schema(nullable = true, description = "Value in yuan") @DecimalMin("0") @Digits(integer = 12, fraction = 2)
            BigDecimal valueYuan,
            @Schema(nullable = true) @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String holder) {
    }

    @Schema(name = "IntegrityOutsidePost", description = "A post held outside the cadre's job")
    record OutsidePost(
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String organisation,
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String post) {
    }

    @Schema(name = "IntegrityTravel", description = "A journey abroad (因私出国（境）)")
    record Travel(
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String destination,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @Schema(nullable = true) @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String purpose) {
    }

    @Schema(name = "IntegrityPassport", description = "A passport or travel permit and who keeps it")
    record Passport(
            @NotBlank @Size(max = 20) @Pattern(regexp = "^[A-Z0-9]{5,20}$") String number,
            @Schema(description = "Kept by the organisation (集中保管) or not", examples = "true") boolean keptCentrally) {
    }

    @Schema(name = "IntegrityPersonalMatters", description = "The annual personal matters report (个人有关事项报告)")
    record PersonalMatters(
            @Schema(required = true, enumeration = "PERSONAL_MATTERS") @NotNull EntryType type,
            @Schema(description = "The year reported on", examples = "2025") @NotNull @Min(2000) @Max(2100)
            Integer year,
            @Schema(nullable = true, description = "Marriage changes in the year, if any") @Size(max = 500) @Pattern(regexp = Patterns.LONG_TEXT)
            String marriageChanges,
            @Schema(nullable = true) @Size(max = 20) List<@NotNull @Valid Housing> housing,
            @Schema(nullable = true) @Size(max = 50) List<@NotNull @Valid Investment> investments,
            @Schema(nullable = true) @Size(max = 20) List<@NotNull @Valid OutsidePost> outsidePosts,
            @Schema(nullable = true) @Size(max = 50) List<@NotNull @Valid Travel> travelAbroad,
            @Schema(nullable = true) @Size(max = 10) List<@NotNull @Valid Passport> passports,
            @Schema(nullable = true, description = "Businesses of the spouse and children (配偶、子女经商办企业)") @Size(max = 2000)
            @Pattern(regexp = Patterns.LONG_TEXT) String familyBusinesses) implements EntryContent {

        public PersonalMatters {
            type = EntryType.PERSONAL_MATTERS;
        }
    }

    /** What became of a gift. */
    enum GiftHandling {
        RETURNED, HANDED_IN, PAID_FOR, KEPT_WITH_APPROVAL
    }

    @Schema(name = "IntegrityGift", description = "A gift or hospitality received (礼品礼金登记)")
    record Gift(
            @Schema(required = true, enumeration = "GIFT") @NotNull EntryType type,
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String givenBy,
            @NotNull LocalDate receivedOn,
            @Schema(nullable = true) @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String place,
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String item,
            @Schema(description = "Estimated value in yuan") @NotNull @DecimalMin("0")
            @Digits(integer = 10, fraction = 2) BigDecimal estimatedValueYuan,
            @NotNull GiftHandling handling,
            @Schema(nullable = true, format = "date", pattern = Patterns.DATE) LocalDate handledOn,
            @Schema(nullable = true) @Size(max = 500) @Pattern(regexp = Patterns.LONG_TEXT) String note) implements EntryContent {

        public Gift {
            type = EntryType.GIFT;
        }
    }

    /** The kinds of integrity talk. */
    enum TalkKind {
        /** 提醒谈话 */
        REMINDER,
        /** 诫勉谈话 */
        ADMONISHMENT,
        /** 函询 */
        LETTER_INQUIRY
    }

    @Schema(name = "IntegrityTalk", description = "An integrity talk or letter inquiry")
    record Talk(
            @Schema(required = true, enumeration = "TALK") @NotNull EntryType type,
            @NotNull TalkKind kind,
            @NotNull LocalDate heldOn,
            @Schema(description = "Who held it") @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String heldBy,
            @NotBlank @Size(max = 4000) @Pattern(regexp = Patterns.LONG_TEXT) String content,
            @Schema(nullable = true, description = "The cadre's response (for a letter inquiry, their written explanation)")
            @Size(max = 4000) @Pattern(regexp = Patterns.LONG_TEXT) String response) implements EntryContent {

        public Talk {
            type = EntryType.TALK;
        }
    }

    /** The four forms of discipline handling (监督执纪“四种形态”). */
    enum DisciplineForm {
        FIRST, SECOND, THIRD, FOURTH
    }

    /** Party sanctions (党纪处分), in rising order. */
    enum PartySanction {
        /** 警告 */
        WARNING,
        /** 严重警告 */
        SERIOUS_WARNING,
        /** 撤销党内职务 */
        REMOVAL_FROM_PARTY_POST,
        /** 留党察看 */
        PROBATION_WITHIN_PARTY,
        /** 开除党籍 */
        EXPULSION
    }

    @Schema(name = "IntegrityDiscipline", description = "A discipline or accountability record (执纪问责)")
    record Discipline(
            @Schema(required = true, enumeration = "DISCIPLINE") @NotNull EntryType type,
            @NotNull DisciplineForm form,
            @Schema(nullable = true) PartySanction partySanction,
            @Schema(nullable = true, description = "Administrative sanction (政务处分), if any", examples = "记过") @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String administrativeSanction,
            @NotBlank @Size(max = 4000) @Pattern(regexp = Patterns.LONG_TEXT) String facts,
            @Schema(description = "The rules applied") @NotBlank @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT)
            String basis,
            @Schema(examples = "区纪发〔2026〕12号") @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.TEXT)
            String decisionNumber,
            @NotNull LocalDate decidedOn,
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String issuingBody) implements EntryContent {

        public Discipline {
            type = EntryType.DISCIPLINE;
        }
    }

    /** A conduct review's overall assessment. */
    enum Assessment {
        GOOD, FAIR, NEEDS_IMPROVEMENT
    }

    @Schema(name = "IntegrityConductReview", description = "A periodic conduct review (作风情况); filing one moves "
            + "the file's next review date on by its review period")
    record ConductReview(
            @Schema(required = true, enumeration = "CONDUCT_REVIEW") @NotNull EntryType type,
            @NotNull LocalDate periodFrom,
            @NotNull LocalDate periodTo,
            @NotNull Assessment assessment,
            @NotBlank @Size(max = 4000) @Pattern(regexp = Patterns.LONG_TEXT) String summary,
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String reviewer) implements EntryContent {

        public ConductReview {
            type = EntryType.CONDUCT_REVIEW;
        }

        @Override
        public LocalDate reviewedOn() {
            return periodTo;
        }
    }

    /** What an integrity opinion is asked for. */
    enum OpinionFor {
        PROMOTION, RE_ELECTION, AWARD
    }

    @Schema(name = "IntegrityOpinionRequest", description = "A request for an integrity opinion (“凡提四必”)")
    record OpinionRequest(
            @Schema(required = true, enumeration = "OPINION_REQUEST") @NotNull EntryType type,
            @NotNull OpinionFor requestFor,
            @Schema(description = "Who asks", examples = "区委组织部干部科") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String requestedBy,
            @NotNull LocalDate requestedOn,
            @Schema(nullable = true) @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String detail) implements EntryContent {

        public OpinionRequest {
            type = EntryType.OPINION_REQUEST;
        }
    }

    /** An integrity opinion's conclusion. */
    enum Conclusion {
        NO_ISSUES_FOUND, ISSUES_FOUND, VERIFICATION_PENDING
    }

    @Schema(name = "IntegrityOpinionReply", description = "The integrity officer's reply to an opinion request, "
            + "signed by the officer who files it")
    record OpinionReply(
            @Schema(required = true, enumeration = "OPINION_REPLY") @NotNull EntryType type,
            @Schema(description = "The OPINION_REQUEST entry answered (of the same file)") @NotNull UUID requestEntryId,
            @NotNull Conclusion conclusion,
            @NotBlank @Size(max = 4000) @Pattern(regexp = Patterns.LONG_TEXT) String reply,
            @NotNull LocalDate repliedOn) implements EntryContent {

        public OpinionReply {
            type = EntryType.OPINION_REPLY;
        }
    }
}
