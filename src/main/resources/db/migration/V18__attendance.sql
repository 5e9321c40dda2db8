-- Wrong sign-in codes per member and session: after a few, the member's code sign-in is locked for the
-- session (the secretary records their attendance). Kept in the database so that the count holds across
-- restarts and replicas.
create table sign_in_attempt (
    party_day_id  uuid         not null references party_day (id),
    person_id     uuid         not null references person (id),
    wrong_codes   integer      not null check (wrong_codes >= 0),
    last_wrong_at timestamptz,
    primary key (party_day_id, person_id)
);
-- a code is shown once per session: looking it up finds one row
create unique index sign_in_code_once on sign_in_code (party_day_id, code);
drop index sign_in_code_day;
