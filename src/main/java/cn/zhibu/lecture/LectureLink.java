package cn.zhibu.lecture;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for a link to a lecture's materials. */
@Schema(name = "LectureLink", type = SchemaType.STRING, minLength = 10, maxLength = 2048, pattern = LectureViews.URL,
        description = "An http or https address, ASCII", examples = "https://www.12371.cn/a.shtml")
public final class LectureLink {

    private LectureLink() {
    }
}
