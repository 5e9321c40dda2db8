SET lock_timeout = '5s';

-- Study hours (学时) a study material credits a member whose check-in on it was credited; none: it credits none.
alter table study_material add column study_hours numeric(3, 1);
alter table study_material add constraint study_material_study_hours_check
    check (study_hours between 0 and 12 and study_hours * 2 = trunc(study_hours * 2)) not valid;

-- How often a branch holds each kind of session, where it differs from the defaults (zhibu.org-life.frequency.*);
-- a kind without a row has the default. The branch's set of choices has one version, kept in
-- org_life_requirement_set, which If-Match names.
create table org_life_requirement_set (
    branch_id   uuid         primary key references org_unit (id),
    version     bigint       not null,
    updated_by  varchar(80)  not null,
    updated_at  timestamptz  not null
);

create table org_life_requirement (
    branch_id   uuid         not null references org_life_requirement_set (branch_id),
    kind        varchar(24)  not null check (kind in ('MEMBER_ASSEMBLY', 'BRANCH_COMMITTEE', 'PARTY_GROUP_MEETING',
                                                      'PARTY_LECTURE', 'THEMED_PARTY_DAY', 'ORG_LIFE_MEETING',
                                                      'INTEGRITY_EDUCATION', 'STUDY_SESSION', 'FIELD_TEACHING')),
    frequency   varchar(16)  not null check (frequency in ('NONE', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    updated_by  varchar(80)  not null,
    updated_at  timestamptz  not null,
    primary key (branch_id, kind)
);
