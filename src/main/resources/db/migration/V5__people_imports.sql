-- Imports of people from CSV files: one row per import (its state and progress, written while it
-- runs, so any replica can answer a poll) and one row per problem found in the file.
create table people_import (
    id            uuid         primary key,
    dry_run       boolean      not null,
    state         varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'ERROR')),
    phase         varchar(16)  check (phase in ('VALIDATING', 'APPLYING')),
    charset       varchar(16)  not null,
    file_bytes    integer      not null,
    total         integer      not null,
    processed     integer      not null,
    created       integer      not null,
    updated       integer      not null,
    transferred   integer      not null,
    unchanged     integer      not null,
    error_count   integer      not null,
    requested_by  varchar(200) not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index people_import_unfinished on people_import (updated_at) where state in ('QUEUED', 'RUNNING');

-- A problem on one line of an import's file (line 1 is the header), in file order (seq).
create table people_import_error (
    import_id   uuid         not null references people_import (id) on delete cascade,
    seq         integer      not null,
    line        integer      not null,
    column_name varchar(32),
    code        varchar(64)  not null,
    args        text         not null, -- the message arguments, a JSON array of strings
    primary key (import_id, seq)
);
