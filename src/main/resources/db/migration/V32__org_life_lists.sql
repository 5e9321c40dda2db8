SET lock_timeout = '5s';

-- The problem list of an organisational life meeting (组织生活会): what the branch committee and each member found
-- in self-examination, criticism and self-criticism (批评与自我批评), or what the organisation pointed out.
create table org_life_problem (
    id           uuid          primary key,
    party_day_id uuid          not null references party_day (id),
    subject      varchar(16)   not null check (subject in ('COMMITTEE', 'MEMBER')),
    person_id    uuid          references person (id),
    source       varchar(24)   not null check (source in ('SELF_EXAMINATION', 'CRITICISM', 'ORGANISATION')),
    text         varchar(1000) not null,
    version      bigint        not null,
    created_by   varchar(80)   not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    check ((subject = 'MEMBER') = (person_id is not null)),
    -- the list in the order recorded (unique as the id is; declared so for its index, built with the empty table)
    unique (party_day_id, created_at, id)
);

-- The rectification list (整改清单): an item, its owner and due date, followed until it is DONE with evidence.
-- branch_id is the session's, so a unit's items are listed without reading every session.
create table rectification (
    id             uuid           primary key,
    party_day_id   uuid           not null references party_day (id),
    branch_id      uuid           not null references org_unit (id),
    problem_id     uuid           references org_life_problem (id),
    item           varchar(500)   not null,
    measures       varchar(2000),
    owner_id       uuid           not null references person (id),
    due_on         date           not null,
    state          varchar(8)     not null check (state in ('OPEN', 'DONE')),
    evidence       varchar(2000),
    evidence_links varchar(2048)[] not null default '{}',
    closed_by      varchar(80),
    closed_at      timestamptz,
    version        bigint         not null,
    created_by     varchar(80)    not null,
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null,
    check ((state = 'DONE') = (closed_at is not null and closed_by is not null and evidence is not null)),
    -- a session's list in the order recorded, and a branch's items by due date (unique as the id is; declared so
    -- for their indexes, built with the empty table)
    unique (party_day_id, created_at, id),
    unique (branch_id, due_on, id)
);

-- The lecturers of a party lecture (党课), an integrity education session or a field teaching session: a person of
-- zhibu (a leading cadre's 一人讲) or an invited guest (邀请专家授课), with the topic and links to the materials.
create table party_lecturer (
    id                 uuid           primary key,
    party_day_id       uuid           not null references party_day (id),
    person_id          uuid           references person (id),
    guest_name         varchar(32),
    guest_title        varchar(64),
    guest_organisation varchar(100),
    topic              varchar(100)   not null,
    materials          varchar(2048)[] not null default '{}',
    position           smallint       not null check (position between 1 and 5),
    version            bigint         not null,
    created_by         varchar(80)    not null,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    check ((person_id is null) = (guest_name is not null)),
    check (guest_name is not null or (guest_title is null and guest_organisation is null)),
    -- a person lectures once at a session; also the index of a session's lecturers
    unique (party_day_id, person_id)
);
