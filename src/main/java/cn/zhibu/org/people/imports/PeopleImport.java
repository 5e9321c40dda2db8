package cn.zhibu.org.people.imports;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of people from a CSV file: its state and progress, kept in the database while it runs. */
@Entity
@Table(name = "people_import")
public class PeopleImport extends VersionedEntity {

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ImportState state;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public ImportPhase phase;

    @Column(nullable = false, length = 16)
    public String charset;

    @Column(name = "file_bytes", nullable = false)
    public int fileBytes;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int processed;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int updated;

    @Column(nullable = false)
    public int transferred;

    @Column(nullable = false)
    public int unchanged;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
