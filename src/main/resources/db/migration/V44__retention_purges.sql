SET lock_timeout = '5s';

-- The log of the retention purge: one row per run and data class, what it purged or erased (append-only).
-- A run's classes share its run_id; cutoff is the instant before which that class's records had expired
-- (for people who left: the start of the first day whose leavers are kept).
create table retention_purge (
    id          uuid        primary key,
    run_id      uuid        not null,
    data_class  varchar(48) not null,
    retention   varchar(32) not null,
    cutoff      timestamptz not null,
    purged      bigint      not null check (purged >= 0),
    batches     integer     not null check (batches >= 0),
    -- false when the class stopped on an error (what it had purged until then stays purged)
    complete    boolean     not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    unique (run_id, data_class),
    check (finished_at >= started_at)
);

create trigger retention_purge_append_only before update or delete on retention_purge
    for each row execute function zhibu_refuse_change();
create trigger retention_purge_no_truncate before truncate on retention_purge
    for each statement execute function zhibu_refuse_change();
