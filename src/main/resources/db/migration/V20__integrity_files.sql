-- Integrity files (廉政档案) of leading cadres: append-only entries in a hash chain, their content
-- encrypted (AES-GCM, key id per value), the cadres' own declarations under review, the relations that
-- recuse readers, and the audit of every read, refusal and write.

create table integrity_file (
    id               uuid         primary key,
    person_id        uuid         not null unique references person (id),
    -- the cadre's branch when the file was opened; access follows the cadre's branch of the day
    unit_id          uuid         not null references org_unit (id),
    opened_reason    varchar(16)  not null check (opened_reason in ('APPOINTMENT', 'OFFICER')),
    appointed_on     date,
    -- the first profile is due a month after the appointment; cleared when it is filed
    profile_due      date,
    review_months    integer      not null check (review_months between 1 and 60),
    next_review_due  date         not null,
    last_reviewed_on date,
    -- the last year whose personal matters report (个人有关事项报告) joined the file
    last_report_year integer,
    state            varchar(16)  not null check (state in ('OPEN', 'CLOSED')),
    entry_count      integer      not null check (entry_count >= 0),
    head_hash        bytea,
    opened_at        timestamptz  not null,
    opened_by        uuid,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
create index integrity_file_unit on integrity_file (unit_id);
create index integrity_file_review_due on integrity_file (state, next_review_due);

-- Entries are never changed: a correction is a new entry that amends an earlier one. Each entry's hash
-- covers its header, its sealed content's plaintext and the previous entry's hash.
create table integrity_entry (
    id             uuid         primary key,
    file_id        uuid         not null references integrity_file (id),
    seq            integer      not null check (seq >= 1),
    type           varchar(24)  not null check (type in ('PROFILE', 'FAMILY', 'PERSONAL_MATTERS', 'GIFT', 'TALK',
                                                         'DISCIPLINE', 'CONDUCT_REVIEW', 'OPINION_REQUEST',
                                                         'OPINION_REPLY')),
    amends_id      uuid         references integrity_entry (id),
    declaration_id uuid,
    recorded_at    timestamptz  not null,
    recorded_by    uuid,
    prev_hash      bytea,
    hash           bytea        not null check (octet_length(hash) = 32),
    unique (file_id, seq),
    -- the first entry starts the chain, every later one names the one before
    check ((seq = 1) = (prev_hash is null))
);
-- a declaration joins its file once
create unique index integrity_entry_declaration on integrity_entry (declaration_id) where declaration_id is not null;

-- An entry's content, encrypted. Kept apart from the entry so that a key rotation can re-encrypt it; the
-- entry's hash covers the plaintext, so a rotation does not change what the chain proves.
create table integrity_entry_payload (
    entry_id uuid        primary key references integrity_entry (id),
    key_id   varchar(32) not null,
    sealed   bytea       not null
);
create index integrity_entry_payload_key on integrity_entry_payload (key_id);

-- What cadres declare themselves (personal matters reports, gifts), reviewed by the unit's head and then an
-- integrity officer before it joins the file as an entry.
create table integrity_declaration (
    id                  uuid         primary key,
    file_id             uuid         not null references integrity_file (id),
    person_id           uuid         not null references person (id),
    type                varchar(24)  not null check (type in ('PERSONAL_MATTERS', 'GIFT')),
    report_year         integer,
    state               varchar(24)  not null check (state in ('AWAITING_UNIT', 'AWAITING_OFFICER', 'ACCEPTED',
                                                              'RETURNED')),
    submitted_at        timestamptz  not null,
    submitted_by        uuid         not null,
    unit_reviewed_by    uuid,
    unit_reviewed_at    timestamptz,
    unit_note           varchar(500),
    officer_reviewed_by uuid,
    officer_reviewed_at timestamptz,
    officer_note        varchar(500),
    entry_id            uuid         references integrity_entry (id),
    key_id              varchar(32)  not null,
    sealed              bytea        not null,
    version             bigint       not null,
    check ((type = 'PERSONAL_MATTERS') = (report_year is not null)),
    check ((state = 'ACCEPTED') = (entry_id is not null))
);
create index integrity_declaration_person on integrity_declaration (person_id, submitted_at desc);
create index integrity_declaration_state on integrity_declaration (state, submitted_at);

-- Relatives a cadre declared who are people here: neither opens the other's file.
create table integrity_relation (
    cadre_person_id    uuid not null references person (id),
    relative_person_id uuid not null references person (id),
    entry_id           uuid not null references integrity_entry (id),
    primary key (cadre_person_id, relative_person_id)
);
create index integrity_relation_relative on integrity_relation (relative_person_id);

-- Every read, refusal and write of integrity files.
create table integrity_audit (
    id              bigint       generated always as identity primary key,
    at              timestamptz  not null,
    -- the database's own time of writing, which the retention guard trusts (not the service's clock)
    inserted_at     timestamptz  not null default clock_timestamp(),
    actor_kind      varchar(16)  not null check (actor_kind in ('ACCOUNT', 'API_CLIENT', 'ANONYMOUS', 'SYSTEM')),
    actor_id        uuid,
    actor_person_id uuid,
    action          varchar(32)  not null,
    file_id         uuid,
    unit_id         uuid,
    entry_ids       uuid[]       not null,
    declaration_id  uuid,
    purpose         varchar(32),
    purpose_detail  varchar(500),
    outcome         varchar(16)  not null check (outcome in ('ALLOWED', 'REFUSED')),
    status          integer      not null,
    reason          varchar(64),
    client_address  varchar(64),
    request         varchar(300) not null
);
create index integrity_audit_at on integrity_audit (at);
create index integrity_audit_file on integrity_audit (file_id, id);
create index integrity_audit_actor on integrity_audit (actor_id, id);
-- org admins search the audit of the units in their subtree
create index integrity_audit_unit on integrity_audit (unit_id, id);

-- The database itself keeps entries and audit rows as written, whoever connects.
create function integrity_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'integrity records are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger integrity_entry_append_only before update or delete on integrity_entry
    for each row execute function integrity_refuse_change();
create trigger integrity_entry_no_truncate before truncate on integrity_entry
    for each statement execute function integrity_refuse_change();

-- A payload is re-encrypted by a key rotation, never moved to another entry or deleted.
create function integrity_payload_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.entry_id = old.entry_id then
        return new;
    end if;
    raise exception 'integrity payloads are only re-encrypted: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger integrity_entry_payload_guard before update or delete on integrity_entry_payload
    for each row execute function integrity_payload_guard();
create trigger integrity_entry_payload_no_truncate before truncate on integrity_entry_payload
    for each statement execute function integrity_refuse_change();

-- Audit rows are never changed, and deleted only after 180 days (the purge; the setting may keep them longer).
create function integrity_audit_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.inserted_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'integrity audit rows are append-only and kept 180 days: % refused', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger integrity_audit_append_only before update or delete on integrity_audit
    for each row execute function integrity_audit_guard();
create trigger integrity_audit_no_truncate before truncate on integrity_audit
    for each statement execute function integrity_refuse_change();

-- A declared relation recuses for good: removing one would quietly let a relative read the file.
create trigger integrity_relation_kept before update or delete on integrity_relation
    for each row execute function integrity_refuse_change();
create trigger integrity_relation_no_truncate before truncate on integrity_relation
    for each statement execute function integrity_refuse_change();
