package cn.zhibu.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(EntityTags.notModified("\"3\"", EntityTags.of(3)));
        assertTrue(EntityTags.notModified("W/\"3\"", EntityTags.of(3)));
        assertTrue(EntityTags.notModified("\"1\", \"3\"", EntityTags.of(3)));
        assertTrue(EntityTags.notModified("*", EntityTags.of(3)));
        assertFalse(EntityTags.notModified("\"4\"", EntityTags.of(3)));
        assertFalse(EntityTags.notModified(null, EntityTags.of(3)));
    }

    @Test
    void ifMatchNamesTheVersionsAnUpdateMayApplyTo() {
        IfMatch.parse("\"12\"").check(12);
        IfMatch.parse(" \"3\", \"12\" ").check(12);
        assertEquals(ProblemCode.PRECONDITION_FAILED, refusal(() -> IfMatch.parse("\"11\"").check(12)));
        assertEquals(ProblemCode.PRECONDITION_FAILED, refusal(() -> IfMatch.parse("W/\"12\"").check(12)));
        assertEquals(ProblemCode.PRECONDITION_FAILED, refusal(() -> IfMatch.parse("\"012\"").check(12)));
        assertEquals(ProblemCode.PRECONDITION_FAILED, refusal(() -> IfMatch.parse("\"abc\"").check(12)));
        assertEquals(ProblemCode.PRECONDITION_REQUIRED, refusal(() -> IfMatch.parse(null)));
        assertEquals(ProblemCode.PRECONDITION_REQUIRED, refusal(() -> IfMatch.parse("*")));
        assertEquals(ProblemCode.INVALID_PARAMETER, refusal(() -> IfMatch.parse("12")));
        assertEquals(ProblemCode.INVALID_PARAMETER, refusal(() -> IfMatch.parse("\"1\" \"2\"")));
    }

    private static ProblemKind refusal(Runnable action) {
        return assertThrows(ProblemException.class, action::run).code();
    }
}
