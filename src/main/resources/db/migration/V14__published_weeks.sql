-- Published weeks: a unit's standings of an ISO week frozen once, at the end of the week (the weekly job)
-- or when a secretary asks. A snapshot never changes: ledger entries of the week made after it are shown
-- beside it as revisions, never merged into it.
create table published_week (
    id           uuid         primary key,
    unit_id      uuid         not null references org_unit (id),
    iso_week     varchar(8)   not null,
    published_at timestamptz  not null,
    published_by varchar(80)  not null,
    participants bigint       not null check (participants >= 0),
    metric       varchar(32)  not null,
    minimum_size integer      not null,
    -- once per unit and week, whoever publishes (the publisher also holds an advisory lock on the pair);
    -- read backwards, it also lists a unit's weeks newest first
    constraint published_week_once unique (unit_id, iso_week)
);

-- The people board as published, in board order. Anonymous people are kept as 匿名 without their id.
create table published_person (
    published_week_id uuid        not null references published_week (id),
    position          integer     not null,
    rank              bigint      not null,
    person_id         uuid,
    name              varchar(32) not null,
    points            integer     not null,
    primary key (published_week_id, position)
);

-- The units board (child units) as published, by points per member.
create table published_unit (
    published_week_id  uuid             not null references published_week (id),
    position           integer          not null,
    rank               integer,
    unit_id            uuid             not null,
    name               varchar(64)      not null,
    members            bigint           not null,
    participants       bigint           not null,
    total              bigint           not null,
    per_member         double precision not null,
    participation_rate double precision not null,
    below_minimum_size boolean          not null,
    primary key (published_week_id, position)
);
