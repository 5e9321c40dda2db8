SET lock_timeout = '5s';

-- Every export of a member's own data (GET /v1/me/data, PIPL Art. 45): whose, who asked (the token's subject), when,
-- and how many rows and bytes were served. Append-only; also the count the per-hour limit is taken from, so the limit
-- holds across replicas.
create table my_data_export (
    id          uuid         primary key,
    person_id   uuid         not null references person (id),
    exported_by varchar(80)  not null,
    exported_at timestamptz  not null,
    row_count   integer      not null check (row_count >= 1),
    byte_count  bigint       not null check (byte_count >= 2),
    -- a person's exports in time order (the limit's window, and the list in their next export)
    unique (person_id, exported_at, id)
);

create trigger my_data_export_append_only before update or delete on my_data_export
    for each row execute function zhibu_refuse_change();
create trigger my_data_export_no_truncate before truncate on my_data_export
    for each statement execute function zhibu_refuse_change();
