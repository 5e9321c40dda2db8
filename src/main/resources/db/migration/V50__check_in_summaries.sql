SET lock_timeout = '5s';
-- Study figures read a subtree's check-ins per branch and day (and ISO week) rather than every check-in of a period.
-- A change of a credited check-in (made, reversed, moved) notes its branch and day in check_in_change, in the
-- check-in's own transaction (a trigger: every release's writes are noted). The stats summariser, a cluster job,
-- recounts the noted days and weeks from the check-ins and only then deletes the notes it read; a reader takes the
-- kept counts of days and weeks without a note, and counts those with one from the check-ins themselves. So figures
-- are exact whether or not the job has caught up, and a check-in waits for no shared counter.

create table check_in_change (
    id            bigint generated always as identity primary key,
    branch_id     uuid not null,
    business_date date not null
);
create index check_in_change_key on check_in_change (branch_id, business_date);

-- Credited check-ins and the people who made them, per branch and day.
create table check_in_day (
    branch_id     uuid    not null,
    business_date date    not null,
    check_ins     integer not null check (check_ins > 0),
    people        integer not null check (people > 0 and people <= check_ins),
    primary key (branch_id, business_date)
);

-- The people with a credited check-in per branch and ISO week (monday: its first day).
create table check_in_week (
    branch_id uuid    not null,
    monday    date    not null check (extract(isodow from monday) = 1),
    people    integer not null check (people > 0),
    primary key (branch_id, monday)
);

-- Every branch a person has had a credited check-in at (kept when the check-in is reversed): a person with two is
-- counted once a day and week across branches by correcting the branches' sums from their own check-ins.
create table check_in_branch (
    branch_id uuid not null,
    person_id uuid not null,
    primary key (branch_id, person_id)
);

create function check_in_noted() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'CREDITED' then
        insert into check_in_change (branch_id, business_date) values (old.branch_id, old.business_date);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'CREDITED' and (tg_op = 'INSERT' or old.status <> 'CREDITED'
            or old.branch_id <> new.branch_id or old.business_date <> new.business_date) then
        insert into check_in_change (branch_id, business_date) values (new.branch_id, new.business_date);
    end if;
    return null;
end $$;

-- the trigger's lock keeps check-ins waiting until this file commits: none is made unnoted
create trigger check_in_noted after insert or delete or update of status, branch_id, business_date, person_id
    on check_in for each row execute function check_in_noted();

insert into check_in_change (branch_id, business_date)
    select distinct branch_id, business_date from check_in where status = 'CREDITED';
insert into check_in_branch (branch_id, person_id)
    select distinct branch_id, person_id from check_in where status = 'CREDITED';
