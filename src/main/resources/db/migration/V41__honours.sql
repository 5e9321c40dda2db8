SET lock_timeout = '5s';

-- An honour (荣誉): a title won by a unit or by a person (exactly one), at a level, in a year, from an awarding
-- body. Stars of a star selection (组工之星) are entered by the closing, once per campaign and person.
create table honour (
    id           uuid          primary key,
    unit_id      uuid          references org_unit (id),
    person_id    uuid          references person (id),
    title        varchar(100)  not null,
    level        varchar(16)   not null check (level in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'DISTRICT', 'BRANCH')),
    year         integer       not null check (year between 2000 and 2100),
    awarded_by   varchar(100)  not null,
    evidence_url varchar(2048) check (evidence_url like 'https://%'),
    note         varchar(1000),
    campaign_id  uuid          references campaign (id),
    version      bigint        not null,
    created_by   varchar(80)   not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    check ((unit_id is null) <> (person_id is null)),
    check (campaign_id is null or person_id is not null),
    unique (campaign_id, person_id),
    -- a person's and a unit's honours by year (the member file, the unit's list), by these constraints' indexes
    unique (person_id, year, id),
    unique (unit_id, year, id)
);
