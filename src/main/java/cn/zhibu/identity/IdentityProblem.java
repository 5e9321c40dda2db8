package cn.zhibu.identity;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of sign-in, accounts, grants and API clients. */
public enum IdentityProblem implements ProblemKind {
    SIGN_IN_FAILED(401),
    REFRESH_TOKEN_INVALID(401),
    WECHAT_CODE_INVALID(401),
    WECHAT_NOT_BOUND(401),
    INVITATION_INVALID(401),
    CLIENT_CREDENTIALS_INVALID(401),
    PASSWORD_CHANGE_REQUIRED(403),
    WECHAT_USER_REFUSED(403),
    WECHAT_ALREADY_BOUND(409),
    USERNAME_TAKEN(409),
    PERSON_HAS_ACCOUNT(409),
    ACCOUNT_EXISTS(409),
    GRANT_EXISTS(409),
    GRANT_ALREADY_REVOKED(409),
    GRANT_LAST_ADMIN(409),
    API_CLIENT_REVOKED(409),
    PASSWORD_CURRENT_WRONG(422),
    PASSWORD_TOO_WEAK(422),
    GRANT_UNIT_REQUIRED(422),
    GRANT_ACCOUNT_NOT_FOUND(422),
    PERSON_NOT_ACTIVE(422),
    UNSUPPORTED_GRANT_TYPE(400),
    SIGN_IN_LOCKED(429),
    WECHAT_UNAVAILABLE(503),
    WECHAT_NOT_CONFIGURED(503);

    private final int status;

    IdentityProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
