package cn.zhibu.privacy.mydata;

import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import java.util.List;

/**
 * The export of a member's own data in the authorisation matrix ({@code AuthorizationMatrixTest}). The matrix's callers
 * are staff accounts without a person: every role, inside the branch or outside it, has no data of its own and is
 * refused 403 MY_DATA_NOT_A_PERSON; a person's own account of every role is in {@code MyDataApiTest}.
 */
public final class MyDataAuthorizationMatrix {

    private MyDataAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        return List.of(new Operation("exportMyData", t -> r -> r.get("/v1/me/data"), List.of(), 200, 403));
    }
}
