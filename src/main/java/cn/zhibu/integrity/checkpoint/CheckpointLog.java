package cn.zhibu.integrity.checkpoint;

import cn.zhibu.integrity.IntegritySettings;
import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.db.EmbeddedDatabaseSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checkpoints in files outside the database: each replica appends to its own file of JSON lines in
 * {@code zhibu.integrity.checkpoint-dir}, named by its host name (so replicas can share a volume), and forces every
 * line to disk before the append it records commits.
 * <p>
 * Reading stays cheap: the latest checkpoint of each integrity file is kept in memory. It is built once at start
 * from every file in the directory; before each look-up, only what was added to the directory's files since they
 * were last read (other replicas' lines) is read, from the offset reached; a line being written (no line feed yet)
 * waits for the next look-up. Lines that do not parse are skipped with a warning.
 */
@ApplicationScoped
@Startup
public class CheckpointLog {

    private static final Logger LOG = Logger.getLogger(CheckpointLog.class);
    private static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Path own;
    private final Map<UUID, SignedCheckpoint> latest = new HashMap<>();
    private final Map<Path, Long> readUpTo = new HashMap<>();
    private boolean cutShort;

    @jakarta.inject.Inject
    CheckpointLog(IntegritySettings settings, EmbeddedDatabaseSettings embedded,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this(settings.checkpointDir(), jdbcUrl, embedded.dir());
    }

    CheckpointLog(Optional<String> configured, Optional<String> jdbcUrl, String embeddedDir) {
        this(configured.filter(dir -> !dir.isBlank()).map(Path::of).orElseGet(() -> embeddedDefault(jdbcUrl,
                Path.of(embeddedDir))), hostName());
    }

    /** For tests and tools: the log of a replica of this name in this directory. */
    public CheckpointLog(Path directory, String replica) {
        this.directory = directory.toAbsolutePath();
        this.own = this.directory.resolve(replica.replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX);
        try {
            Files.createDirectories(this.directory);
            endWithLineFeed(own);
        } catch (IOException e) {
            throw new UncheckedIOException("The integrity checkpoint directory " + this.directory
                    + " (zhibu.integrity.checkpoint-dir) cannot be written", e);
        }
        synchronized (this) {
            refresh();
        }
        LOG.infof("Integrity checkpoints go to %s (%d files' latest read)", own, latest.size());
    }

    /** This replica's file. */
    public Path file() {
        return own;
    }

    /**
     * Appends the checkpoints to this replica's file and forces them to disk; throws when they could not be (the
     * append they record must then not commit).
     */
    public synchronized void write(List<SignedCheckpoint> checkpoints) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        if (cutShort) { // a write that failed part way may have left part of a line: it stays a line of its own
            lines.write('\n');
        }
        for (SignedCheckpoint checkpoint : checkpoints) {
            lines.write(JSON.writeValueAsBytes(SignedCheckpoint.Line.of(checkpoint)));
            lines.write('\n');
        }
        // opened for each write: a file moved away or replaced by an operator is simply written anew
        try (FileChannel channel = FileChannel.open(own, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            cutShort = true;
            ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            cutShort = false;
        }
        checkpoints.forEach(this::remember);
    }

    /** The checkpoint with the most entries of this file in the directory, as written (its signature unchecked). */
    public synchronized Optional<SignedCheckpoint> latest(UUID fileId) {
        refresh();
        return Optional.ofNullable(latest.get(fileId));
    }

    /** Reads what the directory's files gained since they were last read. */
    private void refresh() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                long from = readUpTo.getOrDefault(file, 0L);
                long size = Files.size(file);
                if (size < from) { // replaced by a shorter file: read it again
                    from = 0;
                }
                if (size > from) {
                    readUpTo.put(file, from + read(file, from, size));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The integrity checkpoint directory " + directory + " cannot be read", e);
        }
    }

    /** Takes in the complete lines of the file between these offsets, a block at a time; how many bytes they were. */
    private long read(Path file, long from, long to) throws IOException {
        long taken = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = from;
            while (position < to) {
                block.clear().limit((int) Math.min(block.capacity(), to - position));
                int read = channel.read(block, position);
                if (read <= 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    byte b = block.get(i);
                    if (b == '\n') {
                        take(file, line.toString(StandardCharsets.UTF_8));
                        line.reset();
                        taken = position + i + 1 - from;
                    } else {
                        line.write(b);
                    }
                }
                position += read;
            }
        }
        return taken;
    }

    private void take(Path file, String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            remember(JSON.readValue(line, SignedCheckpoint.Line.class).checkpoint());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("A line of %s is not a checkpoint and is skipped: %s", file, e.getMessage());
        }
    }

    private void remember(SignedCheckpoint checkpoint) {
        latest.merge(checkpoint.fileId(), checkpoint, (known, seen) -> seen.entryCount() > known.entryCount()
                ? seen : known);
    }

    /** A line cut short (the machine stopped while writing it) stays a line of its own, not the start of the next. */
    private static void endWithLineFeed(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size());
                channel.force(true);
            }
        }
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        return name;
    }

    private static Path embeddedDefault(Optional<String> jdbcUrl, Path embeddedDir) {
        if (jdbcUrl.isEmpty() || !DefaultDatabase.isEmbedded(jdbcUrl.get())) {
            throw new IllegalStateException("zhibu.integrity.checkpoint-dir is not set: integrity checkpoints need a "
                    + "directory outside the database (ZHIBU_INTEGRITY_CHECKPOINT_DIR, a volume all replicas share)");
        }
        return embeddedDir.toAbsolutePath().getParent().resolve("checkpoints");
    }
}
