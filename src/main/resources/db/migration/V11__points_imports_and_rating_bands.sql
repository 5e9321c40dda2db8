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
