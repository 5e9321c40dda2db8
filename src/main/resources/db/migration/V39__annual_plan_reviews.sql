SET lock_timeout = '5s';

-- The reviews of submitted annual plans by the unit above: who, when, the decision and its note. Written once.
create table annual_plan_review (
    id                 uuid          primary key,
    plan_id            uuid          not null references annual_plan (id),
    decision           varchar(16)   not null check (decision in ('APPROVED', 'RETURNED')),
    note               varchar(1000),
    reviewed_by        varchar(80)   not null,
    reviewer_person_id uuid          references person (id),
    reviewed_at        timestamptz   not null,
    unique (plan_id, reviewed_at, id),
    check (decision = 'APPROVED' or note is not null)
);

create trigger annual_plan_review_append_only before update or delete on annual_plan_review
    for each row execute function zhibu_refuse_change();
create trigger annual_plan_review_no_truncate before truncate on annual_plan_review
    for each statement execute function zhibu_refuse_change();
