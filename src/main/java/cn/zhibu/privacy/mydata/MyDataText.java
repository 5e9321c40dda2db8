package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.openapi.Patterns;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for one text of a list in a member's data (a link, an option, a standard). */
@Schema(name = "MyDataText", type = SchemaType.STRING, maxLength = 5000, pattern = Patterns.LONG_TEXT,
        description = "One text of a list, as stored", examples = "https://www.12371.cn/a.shtml")
public final class MyDataText {

    private MyDataText() {
    }
}
