-- Themed party days (主题党日) and other sessions of a branch, the fair rotation of their hosts (科室轮值)
-- and micro lectures (微型党课), attendance, ratings and calendar feeds.

create table party_day (
    id            uuid          primary key,
    branch_id     uuid          not null references org_unit (id),
    kind          varchar(24)   not null check (kind in ('THEMED_PARTY_DAY', 'PARTY_LECTURE', 'STUDY_SESSION')),
    starts_at     timestamptz   not null,
    ends_at       timestamptz   not null,
    -- the day it is held in zhibu.time-zone: what rotations, exemptions and blackouts are about
    held_on       date          not null,
    theme         varchar(100)  not null,
    place         varchar(100),
    agenda        varchar(2000),
    host_unit_id  uuid          references org_unit (id),
    host_reason   varchar(16)   check (host_reason in ('KEPT', 'NEVER_HOSTED', 'LONGEST_SINCE', 'CHOSEN')),
    lecture_slots integer       not null check (lecture_slots between 0 and 10),
    state         varchar(16)   not null check (state in ('PLANNED', 'CONFIRMED', 'HELD', 'CANCELLED')),
    version       bigint        not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    check (ends_at > starts_at)
);
create index party_day_branch on party_day (branch_id, starts_at, id);
create index party_day_host on party_day (host_unit_id) where host_unit_id is not null;

-- One lecture slot of a session; its speaker is chosen by the rotation, a swap or a secretary.
create table micro_lecture (
    id              uuid          primary key,
    party_day_id    uuid          not null references party_day (id),
    slot            integer       not null check (slot between 1 and 10),
    speaker_id      uuid          references person (id),
    reason          varchar(16)   check (reason in ('KEPT', 'RESCHEDULED', 'NEVER_LECTURED', 'LONGEST_SINCE', 'SWAPPED',
                                                    'REASSIGNED')),
    last_lecture_on date,
    -- set by a swap or a secretary: re-planning keeps it
    pinned          boolean       not null,
    outcome         varchar(16)   not null check (outcome in ('PENDING', 'DELIVERED', 'NOT_DELIVERED')),
    topic           varchar(100),
    summary         varchar(2000),
    links           varchar(2048)[] not null default '{}',
    recorded_at     timestamptz,
    recorded_by     varchar(80),
    version         bigint        not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    unique (party_day_id, slot)
);
-- a speaker has one slot per session
create unique index micro_lecture_speaker_once on micro_lecture (party_day_id, speaker_id) where speaker_id is not null;
create index micro_lecture_speaker on micro_lecture (speaker_id) where speaker_id is not null;

-- A speaker asks a colleague to take their slot; the colleague accepts or declines.
create table lecture_swap (
    id            uuid         primary key,
    lecture_id    uuid         not null references micro_lecture (id),
    requested_by  uuid         not null references person (id),
    colleague_id  uuid         not null references person (id),
    message       varchar(200),
    state         varchar(16)  not null check (state in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'LAPSED')),
    created_at    timestamptz  not null,
    decided_at    timestamptz,
    check (colleague_id <> requested_by)
);
create unique index lecture_swap_pending_once on lecture_swap (lecture_id) where state = 'PENDING';
create index lecture_swap_colleague on lecture_swap (colleague_id, created_at);

-- Exemptions from lecturing (leave, illness, other) and days a member cannot lecture (UNAVAILABLE).
create table speaker_absence (
    id          uuid          primary key,
    branch_id   uuid          not null references org_unit (id),
    person_id   uuid          not null references person (id),
    kind        varchar(16)   not null check (kind in ('LEAVE', 'ILLNESS', 'OTHER', 'UNAVAILABLE')),
    from_date   date          not null,
    to_date     date          not null,
    reason      varchar(200),
    created_by  varchar(80)   not null,
    created_at  timestamptz   not null,
    check (to_date >= from_date)
);
create index speaker_absence_branch on speaker_absence (branch_id, person_id, from_date);

-- Dates a party group or department cannot host.
create table host_blackout (
    id          uuid          primary key,
    unit_id     uuid          not null references org_unit (id),
    from_date   date          not null,
    to_date     date          not null,
    reason      varchar(200),
    created_by  varchar(80)   not null,
    created_at  timestamptz   not null,
    check (to_date >= from_date)
);
create index host_blackout_unit on host_blackout (unit_id, from_date);

-- A branch's rotation settings; a branch without a row has the defaults.
create table rotation_setting (
    branch_id             uuid         primary key references org_unit (id),
    newcomer_days         integer      not null check (newcomer_days between 0 and 3650),
    probationary_eligible boolean      not null,
    version               bigint       not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null
);

-- Who attended a session (signed in with a code, or recorded by a secretary) or was on leave (请假).
create table attendance (
    party_day_id  uuid          not null references party_day (id),
    person_id     uuid          not null references person (id),
    status        varchar(16)   not null check (status in ('PRESENT', 'LEAVE', 'ABSENT')),
    method        varchar(16)   not null check (method in ('CODE', 'RECORDED')),
    reason        varchar(200),
    recorded_at   timestamptz   not null,
    recorded_by   varchar(80)   not null,
    primary key (party_day_id, person_id)
);
create index attendance_person on attendance (person_id);

-- Short one-time sign-in codes shown on site; each signs in one member, then the next one shows.
create table sign_in_code (
    id            uuid          primary key,
    party_day_id  uuid          not null references party_day (id),
    code          varchar(8)    not null,
    issued_at     timestamptz   not null,
    expires_at    timestamptz   not null,
    used_by       uuid          references person (id),
    used_at       timestamptz
);
create index sign_in_code_day on sign_in_code (party_day_id, code);

-- An attendee rates a delivered lecture once.
create table lecture_rating (
    lecture_id  uuid          not null references micro_lecture (id),
    person_id   uuid          not null references person (id),
    score       smallint      not null check (score between 1 and 5),
    created_at  timestamptz   not null,
    primary key (lecture_id, person_id)
);

-- Secret calendar feed addresses (iCalendar) of a person's sessions or a branch's; only a hash is kept.
create table calendar_feed (
    id          uuid          primary key,
    scope       varchar(16)   not null check (scope in ('PERSON', 'BRANCH')),
    person_id   uuid          references person (id),
    branch_id   uuid          references org_unit (id),
    token_hash  bytea         not null unique,
    created_by  varchar(80)   not null,
    created_at  timestamptz   not null,
    revoked_at  timestamptz,
    check ((scope = 'PERSON') = (person_id is not null)),
    check ((scope = 'BRANCH') = (branch_id is not null))
);
create index calendar_feed_creator on calendar_feed (created_by, created_at);
