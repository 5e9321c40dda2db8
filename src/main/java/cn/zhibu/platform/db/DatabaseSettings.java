package cn.zhibu.platform.db;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;

/**
 * The time limits every database session gets ({@code zhibu.db.*}), in PostgreSQL's own notation (5s, 250ms,
 * 1min; 0 for none). {@code quarkus.datasource.jdbc.new-connection-sql} sets them on each new connection; they are
 * mapped here so a wrong value stops the start instead of failing every connection.
 */
@ConfigMapping(prefix = "zhibu.db")
public interface DatabaseSettings {

    String POSTGRES_TIME = "\\d+\\s*(us|ms|s|min|h|d)?";
    String MESSAGE = "must be a PostgreSQL time such as 5s, 250ms or 1min (0 for none)";

    /** {@code lock_timeout}: how long a statement waits for a lock. */
    @Pattern(regexp = POSTGRES_TIME, message = MESSAGE)
    String lockTimeout();

    /** {@code statement_timeout}: how long one statement may run. */
    @Pattern(regexp = POSTGRES_TIME, message = MESSAGE)
    String statementTimeout();

    /** {@code idle_in_transaction_session_timeout}: how long a transaction may sit idle. */
    @Pattern(regexp = POSTGRES_TIME, message = MESSAGE)
    String idleInTransactionTimeout();
}
