package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.CampaignType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How often a campaign's best outcome may be decided: a member appraisal's best grade (scale[0], e.g. 优秀) at most
 * floor(share × ratees) times, with the share of the settings, or the campaign's own quota where stricter; a star
 * selection's SELECTED at most the campaign's quotaCount, or floor(quotaShare × candidates) (the smaller where it has
 * both; all the candidates where it has neither).
 */
public final class Quotas {

    public static final String SELECTED = "SELECTED";
    public static final String NOT_SELECTED = "NOT_SELECTED";

    private Quotas() {
    }

    /** The most ratees that may have the best outcome. */
    public static int most(CampaignType type, Integer quotaCount, BigDecimal quotaShare, BigDecimal settingShare,
            long ratees) {
        long most = ratees;
        if (type == CampaignType.MEMBER_APPRAISAL) {
            most = Math.min(most, floor(settingShare, ratees));
        }
        if (quotaCount != null) {
            most = Math.min(most, quotaCount);
        }
        if (quotaShare != null) {
            most = Math.min(most, floor(quotaShare, ratees));
        }
        return (int) Math.max(0, most);
    }

    /**
     * Whether deciding {@code outcome} for a ratee whose decision was {@code previous} (null: none) keeps the best
     * outcome within {@code most}, when {@code given} ratees have it now.
     */
    public static boolean admits(String best, long given, String previous, String outcome, int most) {
        boolean adds = best.equals(outcome) && !best.equals(previous);
        return !adds || given + 1 <= most;
    }

    /** The best outcome of a campaign: its scale's first grade, or SELECTED. */
    public static String best(CampaignType type, String[] scale) {
        return type == CampaignType.STAR_SELECTION ? SELECTED : scale[0];
    }

    private static long floor(BigDecimal share, long ratees) {
        return share.multiply(BigDecimal.valueOf(ratees)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
