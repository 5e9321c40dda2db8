-- The organisation tree. Each unit keeps its materialised path, '/<root id>/.../<own id>/', so
-- "is X inside Y" is a prefix test and "everything under Y" an index range scan.
create table org_unit (
    id          uuid         primary key,
    parent_id   uuid         references org_unit (id),
    kind        varchar(16)  not null check (kind in ('COMMITTEE', 'BRANCH', 'PARTY_GROUP', 'DEPARTMENT')),
    name        varchar(64)  not null,
    short_name  varchar(16)  not null,
    sort_order  integer      not null,
    path        varchar(1024) not null unique,
    archived_at timestamptz,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    check ((parent_id is null) = (path = '/' || id || '/'))
);
create index org_unit_path on org_unit (path text_pattern_ops);
create index org_unit_children on org_unit (parent_id, sort_order, name, id);
-- sibling names are unique among units that are not archived
create unique index org_unit_sibling_name on org_unit (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), name)
    where archived_at is null;
