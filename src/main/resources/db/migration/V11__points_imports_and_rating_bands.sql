-- Points earned on other study platforms and imported (EXTERNAL_IMPORT): one row per record, whose
-- external id is credited once, ever. A record sent again is compared with this row (same person,
-- points asked for and date: already imported; otherwise a conflict).
create table points_import_record (
    external_id   varchar(64)  primary key,
    person_id     uuid         not null references person (id),
    points        integer      not null check (points between 1 and 1000),
    credited      integer      not null check (credited between 0 and 1000),
    business_date date         not null,
    entry_id      uuid         not null unique references ledger_entry (id),
    imported_by   varchar(80)  not null,
    imported_at   timestamptz  not null
);

-- Rating bands (评定档次) of a unit's subtree, for the member file: a unit without bands of its own
-- inherits the nearest ancestor's; with none anywhere, the defaults hold (优秀 80, 良好 60, 合格 0).
create table rating_band_set (
    id          uuid         primary key,
    org_unit_id uuid         not null unique references org_unit (id),
    updated_by  varchar(80)  not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- The bands of a set, highest first (position 0): a year's total earns the first band whose minimum
-- it reaches. Names are unique and minimums strictly descending within a set (checked by the service).
create table rating_band (
    set_id      uuid         not null references rating_band_set (id) on delete cascade,
    position    integer      not null check (position between 0 and 9),
    name        varchar(16)  not null,
    min_points  integer      not null check (min_points between 0 and 100000),
    primary key (set_id, position)
);
