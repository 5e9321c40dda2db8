package cn.zhibu.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class CursorCodecTest {

    @Provide
    Arbitrary<List<String>> positions() {
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(20).list().ofMinSize(1).ofMaxSize(4);
    }

    private final CursorCodec codec = new CursorCodec("a fixed test key of 32 bytes!!!!".getBytes());

    @Property
    void aCursorGivesBackItsPosition(@ForAll("positions") List<String> position,
            @ForAll @StringLength(max = 60) String query) {
        String cursor = codec.encode(query, position);
        assertTrue(cursor.matches(Pagination.CURSOR_PATTERN));
        assertEquals(Optional.of(position), codec.decode(query, cursor));
    }

    @Property
    void aCursorIsNoGoodForAnotherQuery(@ForAll("positions") List<String> position,
            @ForAll @StringLength(max = 30) String query, @ForAll @StringLength(max = 30) String other) {
        if (!query.equals(other)) {
            assertEquals(Optional.empty(), codec.decode(other, codec.encode(query, position)));
        }
    }

    @Property
    void anyAlteredCharacterSpoilsTheCursor(
            @ForAll("positions") List<String> position,
            @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll char replacement) {
        String cursor = codec.encode("q", position);
        int index = at % cursor.length();
        if (cursor.charAt(index) == replacement) {
            return;
        }
        String altered = cursor.substring(0, index) + replacement + cursor.substring(index + 1);
        Optional<List<String>> decoded = codec.decode("q", altered);
        // base64url has slack bits in the last character: an alteration there may decode to the same bytes
        assertTrue(decoded.isEmpty() || decoded.get().equals(position));
    }

    @Property
    void anotherKeyRefusesTheCursor(@ForAll("positions") List<String> position) {
        CursorCodec other = new CursorCodec("another test key of 32 bytes!!!!".getBytes());
        assertEquals(Optional.empty(), other.decode("q", codec.encode("q", position)));
    }
}
