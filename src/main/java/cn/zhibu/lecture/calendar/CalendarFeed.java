package cn.zhibu.lecture.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A secret calendar address (iCalendar feed) of a person's or a branch's sessions. Only the SHA-256 hash of
 * its token is kept: the token itself is shown once, when the feed is made.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CalendarFeedScope scope;

    /** For a PERSON feed: whose sessions. */
    @Column(name = "person_id")
    public UUID personId;

    /** For a BRANCH feed: which branch's sessions. */
    @Column(name = "branch_id")
    public UUID branchId;

    @Column(name = "token_hash", nullable = false, unique = true)
    public byte[] tokenHash;

    /** The subject of the account that made it: only they list and revoke it. */
    @Column(name = "created_by", nullable = false, length = 80)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
