package cn.zhibu.privacy.retention;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import java.util.List;

/**
 * The retention capability's operations in the authorisation matrix ({@link AuthorizationMatrixTest}): the purge log
 * is read by org admins of the whole tree only, so every role granted on a branch, inside or outside, is refused.
 */
public final class RetentionAuthorizationMatrix {

    private RetentionAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        return List.of(new Operation("listRetentionPurges", t -> r -> r.get("/v1/retention/purges"), List.of(), 200,
                403));
    }
}
