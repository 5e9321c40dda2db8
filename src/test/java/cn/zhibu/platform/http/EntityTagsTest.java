package cn.zhibu.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
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
    void ifMatchGivesTheExpectedVersion() {
        assertEquals(12, EntityTags.expectedVersion("\"12\""));
        assertEquals(12, EntityTags.expectedVersion(" \"12\" "));
        assertEquals(ProblemCode.PRECONDITION_FAILED,
                assertThrows(ProblemException.class, () -> EntityTags.expectedVersion("W/\"12\"")).code());
        assertEquals(ProblemCode.PRECONDITION_FAILED,
                assertThrows(ProblemException.class, () -> EntityTags.expectedVersion("\"abc\"")).code());
        assertEquals(ProblemCode.PRECONDITION_REQUIRED,
                assertThrows(ProblemException.class, () -> EntityTags.expectedVersion(null)).code());
        assertEquals(ProblemCode.PRECONDITION_REQUIRED,
                assertThrows(ProblemException.class, () -> EntityTags.expectedVersion("*")).code());
        assertEquals(ProblemCode.INVALID_PARAMETER,
                assertThrows(ProblemException.class, () -> EntityTags.expectedVersion("12")).code());
        assertEquals(ProblemCode.PRECONDITION_FAILED,
                assertThrows(ProblemException.class, () -> EntityTags.checkVersion(1, 2)).code());
    }
}
