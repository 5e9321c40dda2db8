SET lock_timeout = '5s';

-- The mini-program's WeChat access token (stable_token), shared by every replica. One replica at a time refreshes it:
-- it takes the lease (lease_holder, lease_until) in a short transaction, calls WeChat outside any transaction and
-- stores the answer; the others use the stored token while it is valid. The token is encrypted (FieldCipher, bound to
-- the app id); a token that cannot be read any more is simply fetched again.
create table wechat_access_token (
    app_id       varchar(64)   primary key,
    token_cipher bytea,
    expires_at   timestamptz,
    refreshed_at timestamptz,
    lease_holder varchar(120),
    lease_until  timestamptz,
    updated_at   timestamptz   not null,
    check ((token_cipher is null) = (expires_at is null))
);
