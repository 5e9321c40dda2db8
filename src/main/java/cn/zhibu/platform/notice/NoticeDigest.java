package cn.zhibu.platform.notice;

import java.time.Instant;
import java.util.List;

/**
 * A digest of work waiting for people (check-ins waiting for review, overdue integrity reviews): rather than a notice
 * per item, the notify capability asks every digest once a day or once a week ({@link #weekly}) for a notice per
 * person with something waiting, on one replica, and raises them. A capability implements this as a CDI bean.
 */
public interface NoticeDigest {

    /** The kind of notice it makes. */
    NoticeKind kind();

    /** Whether it is asked once a week (Monday) rather than every day. */
    boolean weekly();

    /**
     * The notices for the people with work waiting as of {@code now}; each subject names the day or week so that a
     * second run of the same day raises nothing new. Called inside a transaction.
     */
    List<Notice> collect(Instant now);
}
