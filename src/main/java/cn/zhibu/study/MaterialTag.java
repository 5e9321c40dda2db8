package cn.zhibu.study;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for a study material's tag. */
@Schema(name = "StudyMaterialTag", type = SchemaType.STRING, minLength = 1, maxLength = 16,
        pattern = StudyMaterialViews.TAG, description = "A short tag, without spaces.", examples = "党史")
public final class MaterialTag {

    private MaterialTag() {
    }
}
