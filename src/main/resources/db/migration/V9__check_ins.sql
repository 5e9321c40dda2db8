-- Check-ins (学习打卡), the openings of materials they are judged against, and make-ups (补卡).

-- The first time a person opened a material on a business day (the server's clock).
create table material_opening (
    person_id     uuid        not null references person (id),
    material_id   uuid        not null references study_material (id),
    business_date date        not null,
    opened_at     timestamptz not null,
    primary key (person_id, material_id, business_date)
);

-- A person's check-in on a business day: on a material, or a general daily study (no material) with a
-- note. CREDITED ones have their ledger entry; FLAGGED ones (implausible) have none until a reviewer
-- clears them, and REJECTED ones never get one.
create table check_in (
    id              uuid          primary key,
    person_id       uuid          not null references person (id),
    branch_id       uuid          not null references org_unit (id),
    material_id     uuid          references study_material (id),
    business_date   date          not null,
    note            varchar(200),
    study_seconds   integer       check (study_seconds between 0 and 86400),
    opened_at       timestamptz,
    status          varchar(16)   not null check (status in ('CREDITED', 'FLAGGED', 'REJECTED')),
    flag_reason     varchar(32)   check (flag_reason in ('NOT_OPENED', 'BELOW_MINIMUM_TIME', 'CLAIM_EXCEEDS_ELAPSED',
                                                         'BURST')),
    make_up_id      uuid,
    ledger_entry_id uuid          unique references ledger_entry (id),
    reviewed_by     varchar(80),
    reviewed_at     timestamptz,
    review_reason   varchar(200),
    created_by      varchar(80)   not null,
    created_at      timestamptz   not null,
    check ((status = 'CREDITED') = (ledger_entry_id is not null)),
    check (status = 'CREDITED' or flag_reason is not null)
);
-- once a day per material, and once a day for general study: parallel requests cannot both win
create unique index check_in_once_per_material on check_in (person_id, business_date, material_id)
    where material_id is not null;
create unique index check_in_once_general on check_in (person_id, business_date) where material_id is null;
create index check_in_person_day on check_in (person_id, business_date desc, created_at desc, id desc);
create index check_in_person_time on check_in (person_id, created_at);
create index check_in_flagged on check_in (branch_id, created_at desc, id desc) where status = 'FLAGGED';

-- A request to check in a missed day, decided by a reviewer; approval makes the check-in.
create table make_up (
    id              uuid          primary key,
    person_id       uuid          not null references person (id),
    branch_id       uuid          not null references org_unit (id),
    material_id     uuid          references study_material (id),
    business_date   date          not null,
    reason          varchar(200)  not null,
    note            varchar(200),
    status          varchar(16)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    check_in_id     uuid          unique references check_in (id),
    decided_by      varchar(80),
    decided_at      timestamptz,
    decision_reason varchar(200),
    created_by      varchar(80)   not null,
    created_at      timestamptz   not null,
    check ((status = 'APPROVED') = (check_in_id is not null)),
    check ((status = 'PENDING') = (decided_at is null)),
    check (status <> 'REJECTED' or decision_reason is not null)
);
-- one open or approved request per day and material (or general study); a rejected one may be asked again
create unique index make_up_once_per_material on make_up (person_id, business_date, material_id)
    where material_id is not null and status <> 'REJECTED';
create unique index make_up_once_general on make_up (person_id, business_date)
    where material_id is null and status <> 'REJECTED';
create index make_up_person_day on make_up (person_id, business_date);
create index make_up_person_time on make_up (person_id, created_at desc, id desc);
create index make_up_unit on make_up (branch_id, status, created_at desc, id desc);

alter table check_in add constraint check_in_make_up foreign key (make_up_id) references make_up (id);
