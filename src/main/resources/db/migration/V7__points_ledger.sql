-- The points ledger (积分台账): append-only. A correction is a reversal entry pointing at the entry it
-- reverses (once). Every figure shown anywhere is a sum over these rows.
create table ledger_entry (
    id            uuid         primary key,
    person_id     uuid         not null references person (id),
    activity_type varchar(32)  not null,
    points        integer      not null,
    source_type   varchar(32)  not null,
    source_id     varchar(64)  not null,
    rule_id       uuid         references scoring_rule (id),
    business_date date         not null,
    iso_week      varchar(8)   not null,
    reverses      uuid         references ledger_entry (id),
    reason        varchar(200),
    created_by    varchar(80)  not null,
    created_at    timestamptz  not null
);
-- a source is credited once per person and activity; an entry is reversed once
create unique index ledger_credit_once on ledger_entry (source_type, source_id, person_id, activity_type)
    where reverses is null;
create unique index ledger_reversal_once on ledger_entry (reverses) where reverses is not null;
create index ledger_person_day on ledger_entry (person_id, activity_type, business_date);
create index ledger_person_week on ledger_entry (person_id, activity_type, iso_week);
create index ledger_person_time on ledger_entry (person_id, created_at desc, id);
