-- Study leaders of the week (本周领学人): when a unit's week is published, the top member(s) of its top child
-- unit (or of the unit itself, when no child unit is ranked) are proposed; a secretary confirms them or
-- chooses other participants of that week. Rows are never deleted: a proposal not chosen is REPLACED.
create table study_leader (
    id                uuid        primary key,
    published_week_id uuid        not null references published_week (id),
    scope_unit_id     uuid        not null references org_unit (id),
    iso_week          varchar(8)  not null,
    from_unit_id      uuid        not null references org_unit (id),
    person_id         uuid        not null references person (id),
    points            integer     not null,
    state             varchar(16) not null check (state in ('PROPOSED', 'CONFIRMED', 'REPLACED')),
    proposed          boolean     not null,
    created_at        timestamptz not null,
    decided_by        varchar(80),
    decided_at        timestamptz,
    check ((state = 'PROPOSED') = (decided_at is null)),
    constraint study_leader_once unique (scope_unit_id, iso_week, person_id)
);
create index study_leader_history on study_leader (scope_unit_id, iso_week desc, person_id) where state = 'CONFIRMED';
