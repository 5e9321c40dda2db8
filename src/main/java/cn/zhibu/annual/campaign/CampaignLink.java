package cn.zhibu.annual.campaign;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for a link of a report. */
@Schema(name = "CampaignLink", type = SchemaType.STRING, minLength = 9, maxLength = 512, pattern = CampaignLink.URL,
        description = "An https address, ASCII", examples = "https://www.12371.cn/a.shtml")
public final class CampaignLink {

    static final String URL = "^https://[\\x21-\\x7E]{1,504}$";

    private CampaignLink() {
    }
}
