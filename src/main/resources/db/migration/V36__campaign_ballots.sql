SET lock_timeout = '5s';

-- A reporter's report of a REPORT_REVIEW campaign (述职报告): one per reporter, replaced while REPORTING is open.
create table campaign_report (
    campaign_id  uuid            not null,
    person_id    uuid            not null,
    body         varchar(20000)  not null,
    links        varchar(512)[]  not null default '{}' check (cardinality(links) <= 5),
    submitted_at timestamptz     not null,
    updated_at   timestamptz     not null,
    primary key (campaign_id, person_id),
    foreign key (campaign_id, person_id) references campaign_ratee (campaign_id, person_id)
);

-- A ballot: one rater's grade of one ratee in one ballot-taking stage. The rater is a person, or (STAR_SELECTION
-- with unit raters) a child unit voting through cast_by. One ballot per (campaign, stage, rater, ratee): a second one
-- replaces it (upsert on the primary key), so a rater is counted once per ratee and stage. rater_id is secret: no
-- answer but the rater's own shows it.
create table campaign_ballot (
    campaign_id uuid        not null references campaign (id),
    stage       varchar(24) not null check (stage in ('SELF_EVALUATION', 'PEER_EVALUATION')),
    rater_kind  varchar(8)  not null check (rater_kind in ('PERSON', 'UNIT')),
    rater_id    uuid        not null,
    ratee_id    uuid        not null,
    grade       varchar(16) not null,
    cast_by     uuid        not null references person (id),
    cast_at     timestamptz not null,
    primary key (campaign_id, stage, rater_kind, rater_id, ratee_id),
    foreign key (campaign_id, ratee_id) references campaign_ratee (campaign_id, person_id),
    -- a self-evaluation is the ratee's own; a person never rates themself among peers
    check (stage <> 'SELF_EVALUATION' or (rater_kind = 'PERSON' and rater_id = ratee_id)),
    check (stage <> 'PEER_EVALUATION' or rater_kind = 'UNIT' or rater_id <> ratee_id),
    -- nor through the unit they speak for
    check (stage <> 'PEER_EVALUATION' or cast_by <> ratee_id),
    check (rater_kind = 'UNIT' or cast_by = rater_id)
);
