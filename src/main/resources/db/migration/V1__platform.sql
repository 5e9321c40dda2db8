-- Platform tables: idempotency records, server secrets, and the business calendar's days.

-- One row per (caller, Idempotency-Key). It is inserted in the same transaction as the work it
-- guards, so a request that fails leaves no row and a retry runs again.
create table idempotency_record (
    caller           varchar(200) not null,
    idempotency_key  varchar(128) not null,
    request_hash     char(64)     not null,
    status_code      integer,
    response_body    text,
    response_headers jsonb,
    created_at       timestamptz  not null,
    primary key (caller, idempotency_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);

-- Secrets the service makes for itself (e.g. the key that signs page cursors), shared by replicas.
create table server_secret (
    name       varchar(64) primary key,
    secret     bytea       not null,
    created_at timestamptz not null
);

-- Exceptions to the Monday-to-Friday working week: public holidays and adjusted working days (调休).
create table calendar_day (
    id         uuid         primary key,
    day        date         not null unique,
    kind       varchar(16)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       varchar(64)  not null,
    version    bigint       not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
