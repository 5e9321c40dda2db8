package cn.zhibu.annual.plan;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The schema of an evidence link of a plan's item: an https address, ASCII. */
@Schema(name = "AnnualPlanLink", type = SchemaType.STRING, minLength = 12, maxLength = 2048, pattern = PlanViews.HTTPS,
        examples = "https://www.12371.cn/a.shtml")
public final class PlanLink {

    private PlanLink() {
    }
}
