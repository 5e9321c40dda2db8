-- Weekly standings, kept by the ledger's events in the ledger's own transactions.
-- A person's net points and counted entries (credits less reversals) of an ISO week, with the units
-- they belonged to at their first entry of the week (their current units and every unit above): the
-- boards of those units count them for that week.
create table week_score (
    iso_week   varchar(8)  not null,
    person_id  uuid        not null references person (id),
    branch_id  uuid,
    unit_ids   uuid[]      not null,
    points     integer     not null,
    entries    integer     not null check (entries >= 0),
    reached_at timestamptz not null,
    primary key (iso_week, person_id)
);
-- top pages: of a branch, and of anything larger (filtered by unit_ids, in points order)
create index week_score_branch_board on week_score (iso_week, branch_id, points desc, reached_at, person_id)
    where entries > 0;
create index week_score_board on week_score (iso_week, points desc, reached_at, person_id) where entries > 0;

-- How many people of a unit's board have each week total: the rank of any total is one sum over at
-- most as many rows as there are distinct totals, however many people the unit has. Only people
-- with a counted entry (participants) are in it.
create table week_bucket (
    iso_week varchar(8) not null,
    unit_id  uuid       not null,
    points   integer    not null,
    people   integer    not null, -- a row may be proposed at -1 and meet its existing row: no check here
    primary key (iso_week, unit_id, points)
);

-- Members who chose to appear as 匿名 on boards (they still count).
create table leaderboard_preference (
    person_id  uuid        primary key references person (id),
    anonymous  boolean     not null,
    updated_at timestamptz not null
);

-- The standings of the ledger kept before this version (people placed in their units of now).
insert into week_score (iso_week, person_id, branch_id, unit_ids, points, entries, reached_at)
select e.iso_week, e.person_id,
    (select m.org_unit_id from membership m where m.person_id = e.person_id and m.is_branch and m.end_date is null),
    coalesce((select array_agg(distinct cast(up.id as uuid)) from membership m
              join org_unit u on u.id = m.org_unit_id
              cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as up(id)
              where m.person_id = e.person_id and m.end_date is null), cast('{}' as uuid[])),
    sum(e.points), greatest(sum(case when e.reverses is null then 1 else -1 end), 0), max(e.created_at)
from ledger_entry e
group by e.iso_week, e.person_id;

insert into week_bucket (iso_week, unit_id, points, people)
select s.iso_week, u.id, s.points, count(*)
from week_score s cross join lateral unnest(s.unit_ids) as u(id)
where s.entries > 0
group by s.iso_week, u.id, s.points;
