-- Scoring rules (得分细则): what an activity earns in an org unit's subtree, with caps. Each change is
-- a new version from a date; a unit without a version of its own inherits the nearest ancestor's.
create table scoring_rule (
    id             uuid         primary key,
    org_unit_id    uuid         not null references org_unit (id),
    activity_type  varchar(32)  not null,
    version        integer      not null check (version >= 1),
    effective_from date         not null,
    effective_to   date,
    points         integer      not null check (points between 0 and 1000),
    daily_cap      integer      check (daily_cap between 0 and 100000),
    weekly_cap     integer      check (weekly_cap between 0 and 100000),
    max_count      integer      check (max_count between 1 and 100000),
    created_by     varchar(80)  not null,
    created_at     timestamptz  not null,
    check (effective_to is null or effective_to >= effective_from),
    unique (org_unit_id, activity_type, version),
    unique (org_unit_id, activity_type, effective_from)
);
create index scoring_rule_lookup on scoring_rule (activity_type, org_unit_id, effective_from desc);
