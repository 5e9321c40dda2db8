package cn.zhibu.study.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A reviewer's decision on what a member made (a flagged check-in cleared or rejected, a make-up approved or
 * rejected): who decided, when, and why when it was rejected. Null on the entity until decided.
 */
@Embeddable
public class Review {

    /** No decision yet: what a view shows of an entity whose review is null. */
    static final Review NONE = new Review();

    /** The reviewer's account id. */
    @Column(name = "reviewed_by", length = 80)
    public String by;

    @Column(name = "reviewed_at")
    public Instant at;

    /** Why it was rejected; null when it was not. */
    @Column(name = "review_reason", length = 200)
    public String reason;

    protected Review() {
    }

    Review(String by, Instant at, String reason) {
        this.by = by;
        this.at = at;
        this.reason = reason;
    }

    /** {@code review}, or {@link #NONE} when there is none. */
    static Review orNone(Review review) {
        return review == null ? NONE : review;
    }
}
