package cn.zhibu.integrity.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a configured database the service does not start without a checkpoint key and directory kept apart from it; a
 * key's published half verifies what it signs; a checkpoint file cut short mid-line loses only that line.
 */
class CheckpointKeyRequiredTest {

    private static final Optional<String> CONFIGURED = Optional.of("jdbc:postgresql://db.example:5432/zhibu");

    @Test
    void aConfiguredDatabaseWithoutACheckpointKeyOrDirectoryIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new CheckpointKey(
                Optional.empty(), Optional.empty(), Optional.empty(), CONFIGURED, "data/postgres"));
        assertTrue(refused.getMessage().contains("ZHIBU_INTEGRITY_CHECKPOINT_KEY"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line");
        assertThrows(IllegalStateException.class, () -> new CheckpointKey(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "data/postgres"));
        IllegalStateException noDirectory = assertThrows(IllegalStateException.class, () -> new CheckpointLog(
                Optional.empty(), CONFIGURED, "data/postgres"));
        assertTrue(noDirectory.getMessage().contains("ZHIBU_INTEGRITY_CHECKPOINT_DIR"), noDirectory.getMessage());
        IllegalStateException notAKey = assertThrows(IllegalStateException.class, () -> new CheckpointKey(
                Optional.of("bm90IGEga2V5"), Optional.of("k1"), Optional.empty(), CONFIGURED, "data/postgres"));
        assertTrue(notAKey.getMessage().contains("PKCS#8"), notAKey.getMessage());
    }

    @Test
    void theEmbeddedDefaultKeepsOneGeneratedKeyBesideTheDatabaseForItsOwnerOnly(@TempDir Path data) throws Exception {
        Path database = data.resolve("postgres");
        String[] made = CheckpointKey.keptBeside(database);
        Path file = data.resolve("integrity-checkpoint.key");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(database), "beside the database's directory, not inside it");
        assertEquals(List.of(made[0], made[1]), List.of(CheckpointKey.keptBeside(database)));
        CheckpointKey key = CheckpointKey.of(made[0], made[1]);
        assertEquals("local-1", key.id());
    }

    @Test
    void theDerivedPublicKeyVerifiesWhatTheKeySigns() throws Exception {
        CheckpointKey key = new CheckpointKey(Optional.of(CheckpointKey.generate()), Optional.of("k2"),
                Optional.empty(), CONFIGURED, "data/postgres");
        byte[] message = "zhibu".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key.published().get("k2"));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
        assertTrue(key.verify("k2", message, signature));
        assertFalse(key.verify("k3", message, signature));
        assertFalse(key.verify("k2", "zhibu!".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void aLineCutShortIsSkippedAndTheNextOneStandsApart(@TempDir Path directory) throws Exception {
        CheckpointKey key = CheckpointKey.of("k1", CheckpointKey.generate());
        UUID fileId = UUID.randomUUID();
        CheckpointLog first = new CheckpointLog(directory, "replica-a");
        first.write(List.of(signed(key, fileId, 1)));
        Files.writeString(first.file(), "{\"fileId\":\"" + fileId + "\",\"entryC", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CheckpointLog other = new CheckpointLog(directory, "replica-b");
        assertEquals(1, other.latest(fileId).orElseThrow().entryCount(), "a line being written is not read");
        CheckpointLog again = new CheckpointLog(directory, "replica-a");
        again.write(List.of(signed(key, fileId, 2)));
        assertEquals(2, other.latest(fileId).orElseThrow().entryCount(), "read on from where it was");
        List<SignedCheckpoint> many = new java.util.ArrayList<>();
        for (int count = 3; count <= 700; count++) { // lines across blocks of the reader
            many.add(signed(key, fileId, count));
        }
        again.write(many);
        SignedCheckpoint latest = new CheckpointLog(directory, "replica-c").latest(fileId).orElseThrow();
        assertEquals(700, latest.entryCount());
        assertEquals(700, other.latest(fileId).orElseThrow().entryCount());
        assertTrue(key.verify(latest.keyId(), latest.message(), latest.signature()));
    }

    private static SignedCheckpoint signed(CheckpointKey key, UUID fileId, int count) {
        byte[] head = new byte[32];
        head[0] = (byte) count;
        java.time.Instant at = SignedCheckpoint.storable(java.time.Instant.parse("2026-03-01T08:00:00.123456789Z"));
        return new SignedCheckpoint(fileId, count, head, at, key.id(), key.sign(SignedCheckpoint.message(fileId, count,
                head, at, key.id())));
    }
}
