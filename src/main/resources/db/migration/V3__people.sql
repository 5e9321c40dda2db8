-- People and their memberships of org units (a branch, and party groups or departments of it).
create table person (
    id               uuid         primary key,
    external_id      varchar(64)  unique,
    name             varchar(32)  not null,
    gender           varchar(8)   not null check (gender in ('MALE', 'FEMALE')),
    birth_date       date         not null,
    political_status varchar(16)  not null check (political_status in ('FULL', 'PROBATIONARY', 'ACTIVIST', 'NON_MEMBER')),
    party_join_date  date,
    job_title        varchar(64),
    leading_cadre    boolean      not null,
    phone_cipher     bytea,
    active           boolean      not null,
    left_on          date,
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index person_name on person (name, id);
-- month and day of joining the party, for political birthdays
create index person_party_anniversary on person (extract(month from party_join_date), extract(day from party_join_date))
    where party_join_date is not null;

-- A membership runs from start_date to end_date (inclusive; open while end_date is null).
-- Transfers end one membership and start another, so history is kept.
create table membership (
    id          uuid        primary key,
    person_id   uuid        not null references person (id),
    org_unit_id uuid        not null references org_unit (id),
    is_branch   boolean     not null,
    start_date  date        not null,
    end_date    date,
    created_at  timestamptz not null,
    check (end_date is null or end_date >= start_date)
);
create index membership_person on membership (person_id, start_date);
create index membership_open_unit on membership (org_unit_id) where end_date is null;
-- at most one current membership per unit, and one current branch, per person
create unique index membership_open_once on membership (person_id, org_unit_id) where end_date is null;
create unique index membership_one_branch on membership (person_id) where end_date is null and is_branch;
