-- How a unit ranks its child units on its units board (and in its published weeks): its own choice, or
-- points per member when it made none.
create table leaderboard_setting (
    unit_id    uuid        primary key references org_unit (id),
    metric     varchar(32) not null check (metric in ('POINTS_PER_MEMBER', 'PARTICIPATION', 'TOTAL')),
    version    bigint      not null,
    updated_by varchar(80) not null,
    updated_at timestamptz not null
);
