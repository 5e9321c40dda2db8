SET lock_timeout = '5s';
-- Study figures read a subtree's check-ins per branch and day (and ISO week) rather than every check-in of a period.
-- A change of a credited check-in (made, reversed, moved) notes its branch and day in check_in_change, in the
-- check-in's own transaction (a trigger: every release's writes are noted). The stats summariser, a cluster job,
-- takes (deletes) a batch of notes and recounts their days and weeks from the check-ins in the same transaction; a
-- reader takes the kept counts of days and weeks without a note, and counts those with one from the check-ins
-- themselves. So figures are exact whether or not the job has caught up, and a check-in waits for no shared counter.
-- This file only makes the tables and the trigger (quickly: check-ins wait for its lock meanwhile); the summariser's
-- first run notes every day there is and marks the counts ready, and until then readers count every day themselves.

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

-- Every branch a person has had a credited check-in at, and between which days (kept, and widened, when check-ins
-- are reversed): a person at two branches in a period is counted once a day and week across branches by correcting
-- the branches' sums from their own check-ins.
create table check_in_branch (
    branch_id uuid not null,
    person_id uuid not null,
    first_day date not null,
    last_day  date not null check (last_day >= first_day),
    primary key (branch_id, person_id)
);

-- Whether the kept counts cover every check-in (set by the summariser's first run, with the notes of every day).
create table check_in_summary_state (
    id    integer primary key check (id = 1),
    ready boolean not null
);
insert into check_in_summary_state (id, ready) values (1, false);

-- as the schema's owner: the service's role (and the previous release's) gets its rights on new tables only after
-- every migration has run, and a check-in made meanwhile must be noted all the same
create function check_in_noted() returns trigger language plpgsql security definer set search_path = public as $$
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

create trigger check_in_noted after insert or delete or update of status, branch_id, business_date, person_id
    on check_in for each row execute function check_in_noted();
