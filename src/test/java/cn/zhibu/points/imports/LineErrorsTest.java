package cn.zhibu.points.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.csv.LineError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An import's problems: all counted, only the first few hundred of each source kept, the first lines always. */
class LineErrorsTest {

    static LineError at(int line, String column) {
        return LineError.of(line, column, PointsImportProblem.POINTS_IMPORT_PERSON_NOT_FOUND, "x");
    }

    @Test
    void manyProblemsAreCountedButFewKept() {
        LineErrors cells = new LineErrors();
        IntStream.rangeClosed(2, 5001).forEach(line -> {
            cells.add(at(line, "points"));
            cells.add(at(line, "date"));
        });
        LineErrors file = LineErrors.of(IntStream.rangeClosed(3000, 5001).mapToObj(line -> at(line, null)).toList());
        LineErrors both = file.and(cells);
        assertEquals(12002, both.count());
        List<LineError> kept = both.byLine();
        assertTrue(kept.size() <= 2 * LineErrors.KEPT, "kept " + kept.size());
        // the first hundred by line are those of all problems: the cells' first lines, not the file's
        List<String> first = new ArrayList<>();
        kept.stream().limit(4).forEach(e -> first.add(e.line() + " " + e.column()));
        assertEquals(List.of("2 date", "2 points", "3 date", "3 points"), first);
        assertEquals(51, kept.get(99).line());
        assertTrue(new LineErrors().isEmpty());
        assertEquals(0, new LineErrors().and(new LineErrors()).count());
    }
}
