SET lock_timeout = '5s';

-- Annual plans (年度计划): a branch's own plan of a year (owner_id null) and each committee member's (owner_id: the
-- member). One per unit, year and owner. Edited while DRAFT or RETURNED; SUBMITTED with the year-end summary to the
-- unit above, which APPROVES it (final) or RETURNS it (edits reopen).
create table annual_plan (
    id            uuid           primary key,
    unit_id       uuid           not null references org_unit (id),
    year          integer        not null check (year between 2000 and 2100),
    owner_id      uuid           references person (id),
    state         varchar(16)    not null check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    summary       varchar(10000),
    submitted_at  timestamptz,
    submitted_by  varchar(80),
    version       bigint         not null,
    created_by    varchar(80)    not null,
    created_at    timestamptz    not null,
    updated_at    timestamptz    not null,
    unique nulls not distinct (unit_id, year, owner_id),
    check ((state in ('DRAFT', 'RETURNED')) or (submitted_at is not null and summary is not null))
);

-- An item of a plan: a kind of work and its target, a count or a date in the plan's year. The recorded kinds count
-- zhibu's own records (never stored here); OTHER items are ticked done with their evidence.
create table annual_plan_item (
    id             uuid            primary key,
    plan_id        uuid            not null references annual_plan (id),
    kind           varchar(24)     not null check (kind in ('SESSIONS', 'PARTY_LECTURES', 'LECTURES_DELIVERED',
                                                            'QUIZZES_HELD', 'INTEGRITY_REVIEWS', 'OTHER')),
    -- SESSIONS: which kind of session (a PartyDayKind)
    session_kind   varchar(24),
    title          varchar(200)    not null,
    target_count   integer         check (target_count between 1 and 1000),
    target_date    date,
    owner_id       uuid            references person (id),
    done_at        timestamptz,
    done_by        varchar(80),
    evidence       varchar(2000),
    evidence_links varchar(2048)[] not null default '{}',
    created_at     timestamptz     not null,
    updated_at     timestamptz     not null,
    unique (plan_id, created_at, id),
    check ((kind = 'SESSIONS') = (session_kind is not null)),
    check ((target_count is null) <> (target_date is null)),
    check (kind = 'OTHER' or done_at is null),
    check ((done_at is null) = (evidence is null) and (done_at is null) = (done_by is null)),
    check (cardinality(evidence_links) <= 5)
);
