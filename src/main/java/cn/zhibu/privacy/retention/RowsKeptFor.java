package cn.zhibu.privacy.retention;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** Rows kept for a duration from an instant of their own: expired once older than {@code now - retention}. */
abstract class RowsKeptFor implements RetainedData {

    protected final EntityManager em;
    private final String name;
    private final Duration retention;

    RowsKeptFor(EntityManager em, String name, Duration retention) {
        this.em = em;
        this.name = name;
        this.retention = retention;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public Instant cutoff(Instant now) {
        return now.minus(retention);
    }
}
