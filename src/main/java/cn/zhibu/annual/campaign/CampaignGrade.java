package cn.zhibu.annual.campaign;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for a grade of a campaign's scale. */
@Schema(name = "CampaignGrade", type = SchemaType.STRING, minLength = 1, maxLength = 16, pattern = CampaignViews.GRADE,
        description = "A grade of the scale, 1 to 16 characters", examples = "较好")
public final class CampaignGrade {

    private CampaignGrade() {
    }
}
