SET lock_timeout = '5s';

-- Contests at sessions (趣味竞答): a quiz standing alone for a branch, answered during one of the branch's sessions
-- and ranked per person and, in TEAMS mode, per party group. A quiz is the contest of one session at most and a
-- session has one contest at most. Written once: a contest is never changed or unlinked (its quiz may be withdrawn).
create table quiz_contest (
    quiz_id       uuid          primary key references quiz (id),
    party_day_id  uuid          not null unique references party_day (id),
    branch_id     uuid          not null references org_unit (id),
    mode          varchar(16)   not null check (mode in ('INDIVIDUAL', 'TEAMS')),
    created_by    varchar(80)   not null,
    created_at    timestamptz   not null
);

create trigger quiz_contest_append_only before update or delete on quiz_contest
    for each row execute function zhibu_refuse_change();
create trigger quiz_contest_no_truncate before truncate on quiz_contest
    for each statement execute function zhibu_refuse_change();
