-- Study materials (学习资料): articles, videos, courses and links for an audience, an org unit's
-- subtree, within a publishing window. The server never fetches the url. A material is never
-- deleted: withdrawing it closes it and keeps it for the check-ins and quizzes made on it.
create table study_material (
    id                uuid           primary key,
    org_unit_id       uuid           not null references org_unit (id),
    kind              varchar(16)    not null check (kind in ('ARTICLE', 'VIDEO', 'COURSE', 'LINK')),
    title             varchar(100)   not null,
    summary           varchar(1000),
    url               varchar(2048)  not null check (url ~ '^https?://'),
    tags              varchar(16)[]  not null,
    min_study_seconds integer        not null check (min_study_seconds between 0 and 14400),
    publish_from      timestamptz    not null,
    publish_until     timestamptz,
    withdrawn_at      timestamptz,
    created_by        varchar(80)    not null,
    version           bigint         not null,
    created_at        timestamptz    not null,
    updated_at        timestamptz    not null,
    check (publish_until is null or publish_until > publish_from),
    check (cardinality(tags) <= 8)
);
-- a unit's materials, newest publication first (managers' lists, and members' through their units)
create index study_material_unit on study_material (org_unit_id, publish_from desc, id desc);
