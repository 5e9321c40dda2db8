SET lock_timeout = '5s';

-- The decision side of a campaign: nominations of a star selection (组工之星), the committee's decisions (a grade of
-- a member appraisal, or SELECTED/NOT_SELECTED of a star selection) and the objections raised in publicity (公示).

-- A candidate of a star selection: nominated by themself (with a self-evaluation and deeds) or by a unit of the
-- campaign's subtree. One nomination per person per campaign; withdrawn (deleted) while nominations are open.
create table campaign_nomination (
    id                   uuid          primary key,
    campaign_id          uuid          not null references campaign (id),
    person_id            uuid          not null references person (id),
    -- null: the person nominated themself
    nominated_by_unit_id uuid          references org_unit (id),
    self_evaluation      varchar(2000),
    deeds                varchar(5000),
    created_by           varchar(80)   not null,
    version              bigint        not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    unique (campaign_id, person_id),
    -- a self-nomination states its self-evaluation and deeds
    check (nominated_by_unit_id is not null or (self_evaluation is not null and deeds is not null))
);

-- The committee's decision for one ratee, with its reason; replaced (If-Match) while the decision stage is open.
-- created_at is when the ratee was first decided: the order stars are listed in.
create table campaign_decision (
    id          uuid          primary key,
    campaign_id uuid          not null references campaign (id),
    person_id   uuid          not null references person (id),
    outcome     varchar(16)   not null,
    reason      varchar(1000) not null,
    decided_by  varchar(80)   not null,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    unique (campaign_id, person_id),
    -- a person's decisions across campaigns (the member file), by the index of this constraint
    unique (person_id, campaign_id),
    foreign key (campaign_id, person_id) references campaign_ratee (campaign_id, person_id)
);

-- An objection to a candidate raised by a member during publicity, answered by the committee before closing.
-- Who objected is kept for the committee to follow up; other members never see it.
create table campaign_objection (
    id          uuid          primary key,
    campaign_id uuid          not null references campaign (id),
    person_id   uuid          not null references person (id),
    objector_id uuid          not null references person (id),
    text        varchar(2000) not null,
    answer      varchar(2000),
    answered_by varchar(80),
    answered_at timestamptz,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    check ((answer is null) = (answered_at is null)),
    -- a campaign's objections, listed and checked for unanswered ones at closing
    unique (campaign_id, id)
);
