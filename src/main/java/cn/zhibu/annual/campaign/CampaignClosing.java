package cn.zhibu.annual.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign is about to close and publish its results: fired synchronously in the closing transaction, after the
 * campaign row is locked and before its state changes. An observer refuses the closing by throwing a problem (for
 * example an objection still unanswered), which rolls everything back; one that stores what the closing decides
 * (for example honours) stores it in the same transaction.
 */
public record CampaignClosing(UUID campaignId, UUID unitId, int year, CampaignType type, String title, Instant at) {
}
