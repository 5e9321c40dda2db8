-- Who may sign in, and what they may do where.

-- An account signs in (password, WeChat, or the demo sign-in); most belong to a person.
create table account (
    id                uuid         primary key,
    person_id         uuid         unique references person (id),
    username          varchar(32)  unique check (username = lower(username)),
    password_hash     varchar(200),
    password_one_time boolean      not null default false,
    wechat_openid     varchar(64)  unique,
    wechat_unionid    varchar(64)  unique,
    active            boolean      not null,
    version           bigint       not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    check (person_id is not null or username is not null)
);

-- Failed password sign-ins per user name, whether or not an account has it (so that a lockout does
-- not tell which names exist). Rows without a lock in force are deleted by a periodic clean-up.
create table sign_in_failure (
    username        varchar(32)  primary key,
    failures        integer      not null,
    locked_until    timestamptz,
    last_failure_at timestamptz  not null
);

-- A role on an org unit, holding for its subtree; a grant with no unit holds everywhere (org admins
-- only). Grants are never deleted: a revocation is recorded on the row, so the table is the audit.
create table role_grant (
    id          uuid         primary key,
    account_id  uuid         not null references account (id),
    role        varchar(24)  not null check (role in ('MEMBER', 'GROUP_LEADER', 'SECRETARY', 'INTEGRITY_OFFICER', 'ORG_ADMIN')),
    org_unit_id uuid         references org_unit (id),
    granted_by  varchar(80)  not null,
    granted_at  timestamptz  not null,
    revoked_by  varchar(80),
    revoked_at  timestamptz,
    check (org_unit_id is not null or role = 'ORG_ADMIN'),
    check ((revoked_at is null) = (revoked_by is null))
);
create unique index role_grant_open_once on role_grant
    (account_id, role, coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000')) where revoked_at is null;
create index role_grant_unit on role_grant (org_unit_id, granted_at);

-- Keys that sign access tokens. The newest usable key signs; every key verifies until verifies_until.
-- A generated key's private half is kept encrypted; a key from settings keeps only its public half here.
create table signing_key (
    kid                varchar(64)  primary key,
    public_key         bytea        not null,
    private_key_cipher bytea,
    created_at         timestamptz  not null,
    signs_until        timestamptz  not null,
    verifies_until     timestamptz  not null
);

-- Refresh tokens rotate within a family (one sign-in); reusing a rotated one revokes the family.
create table refresh_family (
    id            uuid         primary key,
    account_id    uuid         not null references account (id),
    created_at    timestamptz  not null,
    revoked_at    timestamptz,
    revoke_reason varchar(16)  check (revoke_reason in ('SIGNED_OUT', 'REUSED', 'ACCOUNT_DISABLED'))
);
create index refresh_family_account on refresh_family (account_id) where revoked_at is null;
create table refresh_token (
    token_hash bytea        primary key,
    family_id  uuid         not null references refresh_family (id),
    issued_at  timestamptz  not null,
    expires_at timestamptz  not null,
    rotated_at timestamptz
);
create index refresh_token_family on refresh_token (family_id);

-- One-time codes with which a person binds their WeChat the first time.
create table wechat_invitation (
    code_hash  bytea        primary key,
    person_id  uuid         not null references person (id),
    issued_by  varchar(80)  not null,
    issued_at  timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index wechat_invitation_person on wechat_invitation (person_id);

-- API clients of scripts and dashboards: scopes, bound to an org subtree; the secret is kept hashed.
create table api_client (
    id          uuid          primary key,
    client_id   varchar(40)   not null unique,
    name        varchar(64)   not null,
    secret_hash bytea         not null,
    -- tokens issued before the secret last changed are refused
    secret_rotated_at timestamptz not null,
    scopes      varchar(512)  not null,
    org_unit_id uuid          not null references org_unit (id),
    created_by  varchar(80)   not null,
    revoked_at  timestamptz,
    revoked_by  varchar(80),
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index api_client_unit on api_client (org_unit_id, name);
