SET lock_timeout = '5s';

-- Exports of a unit's year as the inspection ledger (台账): one row per job, run by one replica at a time (the claim
-- is the row, taken with for update skip locked; a claim whose lease ran out, its replica gone, is taken again and
-- the job re-run from scratch, up to three attempts). The identity columns (unit, year, sections, who, when) never
-- change once written; the trigger below holds them.
create table export_job (
    id              uuid          primary key,
    unit_id         uuid          not null references org_unit (id),
    year            integer       not null check (year between 2000 and 2100),
    -- the sections, sorted and distinct: an identical export is the same unit, year and sections
    sections        varchar(32)[] not null check (cardinality(sections) between 1 and 6),
    requested_by    varchar(80)   not null,
    created_at      timestamptz   not null,
    state           varchar(16)   not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
    percent         integer       not null check (percent between 0 and 100),
    current_section varchar(32),
    attempts        integer       not null check (attempts between 0 and 10),
    claimed_by      varchar(200),
    lease_until     timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    expires_at      timestamptz,
    error           varchar(200),
    sha256          char(64)      check (sha256 ~ '^[0-9a-f]{64}$'),
    bytes           bigint        check (bytes > 0),
    version         bigint        not null,
    check ((state = 'DONE') = (sha256 is not null) or state = 'EXPIRED'),
    -- the caller's exports, latest first (the list), by this constraint's index
    unique (unit_id, created_at, id)
);
-- one queued or running export per unit, year and sections: a second identical request is answered with it
create unique index export_job_one_running on export_job (unit_id, year, sections)
    where state in ('QUEUED', 'RUNNING');
-- the worker's queue
create index export_job_waiting on export_job (created_at, id) where state in ('QUEUED', 'RUNNING');

create function export_job_identity_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'export_job rows are kept: DELETE refused' using errcode = 'insufficient_privilege';
    end if;
    if new.id <> old.id or new.unit_id <> old.unit_id or new.year <> old.year or new.sections <> old.sections
            or new.requested_by <> old.requested_by or new.created_at <> old.created_at then
        raise exception 'export_job % keeps its unit, year, sections, requester and time', old.id
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create trigger export_job_identity_kept before update or delete on export_job
    for each row execute function export_job_identity_kept();
create trigger export_job_no_truncate before truncate on export_job
    for each statement execute function zhibu_refuse_change();

-- The ZIP of a finished export, in PostgreSQL so that every replica serves it and a restart keeps it; deleted when
-- the export expires (zhibu.exports.keep-for).
create table export_file (
    job_id  uuid   primary key references export_job (id),
    content bytea  not null
);

-- Who asked for which export and who downloaded it, and when. Append-only.
create table export_audit (
    id       uuid          primary key,
    job_id   uuid          not null references export_job (id),
    action   varchar(16)   not null check (action in ('REQUESTED', 'JOINED', 'DOWNLOADED')),
    unit_id  uuid          not null references org_unit (id),
    year     integer       not null,
    sections varchar(32)[] not null,
    actor    varchar(80)   not null,
    at       timestamptz   not null,
    unique (job_id, at, id)
);

create trigger export_audit_append_only before update or delete on export_audit
    for each row execute function zhibu_refuse_change();
create trigger export_audit_no_truncate before truncate on export_audit
    for each statement execute function zhibu_refuse_change();
