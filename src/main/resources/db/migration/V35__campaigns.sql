SET lock_timeout = '5s';

-- A campaign (评选): one of a unit's evaluations of a year, run in stages by a timetable. REPORT_REVIEW (述职评议):
-- the named reporters report and members rate them. MEMBER_APPRAISAL (民主评议党员): self-appraisal, members'
-- mutual appraisal, then the branch's grade for each member. STAR_SELECTION (组工之星): nominations, mutual
-- evaluation by members and units, the committee's decision within a quota, then publicity (公示).
create table campaign (
    id                     uuid          primary key,
    unit_id                uuid          not null references org_unit (id),
    year                   integer       not null check (year between 2000 and 9999),
    type                   varchar(24)   not null check (type in ('REPORT_REVIEW', 'MEMBER_APPRAISAL', 'STAR_SELECTION')),
    title                  varchar(64)   not null,
    -- the grades raters choose from, best first (e.g. 好, 较好, 一般, 差)
    scale                  varchar(16)[] not null check (cardinality(scale) between 2 and 10),
    -- the decision's quota: at most this many of the best grade (stars, 优秀), as a number or a share of the ratees
    quota_count            integer       check (quota_count >= 0),
    quota_share            numeric(4, 3) check (quota_share > 0 and quota_share <= 1),
    -- STAR_SELECTION: how many working days the publicity lasts
    publicity_working_days integer       check (publicity_working_days between 1 and 30),
    -- STAR_SELECTION: whether units (by their secretary or leader) rate candidates beside members
    unit_raters            boolean       not null default false,
    state                  varchar(16)   not null check (state in ('OPEN', 'CLOSED', 'CANCELLED')),
    closed_at              timestamptz,
    version                bigint        not null,
    created_by             varchar(80)   not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    check ((state = 'OPEN') = (closed_at is null)),
    unique (unit_id, year, type, id)
);

-- The timetable: one row per stage of a campaign, each open from opens_at (inclusive) to closes_at (exclusive).
create table campaign_stage (
    campaign_id uuid        not null references campaign (id),
    kind        varchar(24) not null check (kind in ('NOMINATION', 'REPORTING', 'SELF_EVALUATION',
                                                     'PEER_EVALUATION', 'DECISION', 'PUBLICITY')),
    opens_at    timestamptz not null,
    closes_at   timestamptz not null,
    primary key (campaign_id, kind),
    check (closes_at > opens_at)
);

-- Who is rated: the named reporters (REPORT_REVIEW), the unit's members (MEMBER_APPRAISAL) or the nominated
-- candidates (STAR_SELECTION).
create table campaign_ratee (
    campaign_id uuid        not null references campaign (id),
    person_id   uuid        not null references person (id),
    added_at    timestamptz not null,
    primary key (campaign_id, person_id)
);
