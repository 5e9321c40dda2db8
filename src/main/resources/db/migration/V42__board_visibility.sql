SET lock_timeout = '5s';

-- What a unit's boards show (a branch's or committee's own choice, inherited by the units below it that have
-- none): person boards PUBLISHED (names and ranks), SELF_ONLY (each member their own standing) or OFF; units
-- boards and study leaders PUBLISHED or OFF; the weekly publication on or off. A unit without a row, and none
-- above it, has the defaults (SELF_ONLY, PUBLISHED, on).
create table board_visibility (
    unit_id            uuid        primary key references org_unit (id),
    person_boards      varchar(16) not null check (person_boards in ('PUBLISHED', 'SELF_ONLY', 'OFF')),
    unit_boards        varchar(16) not null check (unit_boards in ('PUBLISHED', 'OFF')),
    weekly_publication boolean     not null,
    version            bigint      not null,
    updated_by         varchar(80) not null,
    updated_at         timestamptz not null
);

-- Every choice made, as made: who chose what when (append-only).
create table board_visibility_change (
    id                 uuid        primary key,
    unit_id            uuid        not null references org_unit (id),
    person_boards      varchar(16) not null,
    unit_boards        varchar(16) not null,
    weekly_publication boolean     not null,
    changed_by         varchar(80) not null,
    changed_at         timestamptz not null,
    unique (unit_id, changed_at, id)
);

create trigger board_visibility_change_append_only before update or delete on board_visibility_change
    for each row execute function zhibu_refuse_change();
create trigger board_visibility_change_no_truncate before truncate on board_visibility_change
    for each statement execute function zhibu_refuse_change();

-- When the retention purge erased a person who left (contact fields cleared, name replaced by 已离开成员).
alter table person add column erased_at timestamptz;
