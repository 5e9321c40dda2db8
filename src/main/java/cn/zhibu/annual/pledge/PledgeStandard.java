package cn.zhibu.annual.pledge;

import cn.zhibu.platform.openapi.Patterns;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for one standard of a pledge: one line. */
@Schema(name = "PledgeStandard", type = SchemaType.STRING, minLength = 1, maxLength = 500, pattern = Patterns.TEXT,
        description = "One standard of a pledge, numbered by its place from 1", examples = "坚定理想信念，做到对党忠诚")
public final class PledgeStandard {

    private PledgeStandard() {
    }
}
