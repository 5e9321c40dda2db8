package cn.zhibu.notify.wechat;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Refuses a call to WeChat made inside a JTA transaction: no business transaction waits on WeChat, and no database
 * row stays locked while it answers. Registered on the WeChat message client; runs on the calling thread before the
 * request is sent.
 */
final class OutsideTransactions implements ClientRequestFilter {

    private final TransactionManager transactions;

    OutsideTransactions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public void filter(ClientRequestContext request) {
        int status;
        try {
            status = transactions.getStatus();
        } catch (SystemException e) {
            throw new CalledInTransaction("the transaction status could not be read");
        }
        if (status != Status.STATUS_NO_TRANSACTION) {
            throw new CalledInTransaction("WeChat is never called inside a transaction (status " + status + ")");
        }
    }

    /** A call to WeChat from inside a transaction: a programming error, never sent. */
    static final class CalledInTransaction extends IllegalStateException {

        CalledInTransaction(String message) {
            super(message);
        }
    }
}
