package cn.zhibu.study.quiz;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for an option key. */
@Schema(name = "QuizOptionKey", type = SchemaType.STRING, minLength = 1, maxLength = 1, pattern = QuestionViews.KEY,
        description = "An option's key: A for the first option, B for the second, up to F.", examples = "A")
public final class OptionKey {

    private OptionKey() {
    }
}
