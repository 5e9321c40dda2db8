package cn.zhibu.lecture.compliance;

import cn.zhibu.lecture.PartyDayKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Organisational life ({@code zhibu.org-life.*}): the study hours (学时) each kind of session credits its attendees,
 * the yearly requirement of study hours, and how often a branch holds each kind unless it chooses otherwise (the
 * defaults of the 支部工作条例).
 */
@ConfigMapping(prefix = "zhibu.org-life")
public interface OrgLifeSettings {

    /** The study hours a member earns in a year (32 is the usual figure). */
    @WithDefault("32")
    @DecimalMin("0")
    @DecimalMax("1000")
    BigDecimal yearlyStudyHours();

    /**
     * The study hours an attended session of a kind credits (0 to 12, in steps of 0.5); a kind without an entry
     * credits the session's own duration in hours, rounded to the nearest half hour. A session's own study hours
     * override both.
     */
    Map<PartyDayKind, @DecimalMin("0") @DecimalMax("12") BigDecimal> studyHours();

    /** How often a branch holds each kind unless it chooses otherwise. */
    Frequencies frequency();

    /** The default frequency of each kind (支部工作条例). */
    interface Frequencies {

        /** 支部党员大会: at least quarterly. */
        @WithDefault("QUARTERLY")
        Frequency memberAssembly();

        /** 支部委员会: monthly. */
        @WithDefault("MONTHLY")
        Frequency branchCommittee();

        /** 党小组会: monthly, for each party group of the branch. */
        @WithDefault("MONTHLY")
        Frequency partyGroupMeeting();

        /** 党课: at least quarterly. */
        @WithDefault("QUARTERLY")
        Frequency partyLecture();

        /** 主题党日: monthly. */
        @WithDefault("MONTHLY")
        Frequency themedPartyDay();

        /** 组织生活会: yearly. */
        @WithDefault("YEARLY")
        Frequency orgLifeMeeting();

        @WithDefault("NONE")
        Frequency integrityEducation();

        @WithDefault("NONE")
        Frequency studySession();

        @WithDefault("NONE")
        Frequency fieldTeaching();

        /** The default of a kind. */
        default Frequency of(PartyDayKind kind) {
            return switch (kind) {
                case MEMBER_ASSEMBLY -> memberAssembly();
                case BRANCH_COMMITTEE -> branchCommittee();
                case PARTY_GROUP_MEETING -> partyGroupMeeting();
                case PARTY_LECTURE -> partyLecture();
                case THEMED_PARTY_DAY -> themedPartyDay();
                case ORG_LIFE_MEETING -> orgLifeMeeting();
                case INTEGRITY_EDUCATION -> integrityEducation();
                case STUDY_SESSION -> studySession();
                case FIELD_TEACHING -> fieldTeaching();
            };
        }
    }
}
