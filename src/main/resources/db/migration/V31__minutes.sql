SET lock_timeout = '5s';

-- The minutes (会议记录) of a session: host, recorder, topics, resolutions and notes, written and rewritten until the
-- secretary archives them; from then on the row never changes (corrections are addenda) and the session's
-- attachments are neither added nor removed. The triggers hold it for every role, whatever the service does.
create table minutes (
    party_day_id uuid          primary key references party_day (id),
    host_id      uuid          not null references person (id),
    recorder_id  uuid          not null references person (id),
    -- ["topic", ...]
    topics       jsonb         not null check (jsonb_typeof(topics) = 'array'),
    -- [{"text": ..., "ownerId": ..., "dueOn": "yyyy-mm-dd"}, ...]
    resolutions  jsonb         not null check (jsonb_typeof(resolutions) = 'array'),
    notes        varchar(4000),
    version      bigint        not null check (version > 0),
    written_by   varchar(80)   not null,
    written_at   timestamptz   not null,
    archived_by  varchar(80),
    archived_at  timestamptz,
    check ((archived_by is null) = (archived_at is null))
);

create function minutes_archived_unchanged() returns trigger language plpgsql as $$
begin
    if old.archived_at is not null then
        raise exception 'minutes of % are archived: % refused', old.party_day_id, tg_op
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;

create trigger minutes_archived_unchanged before update or delete on minutes
    for each row execute function minutes_archived_unchanged();
create trigger minutes_no_truncate before truncate on minutes
    for each statement execute function zhibu_refuse_change();

-- Corrections of archived minutes: who (the token's subject, and the person when it is a person's account) and when.
create table minutes_addendum (
    party_day_id     uuid          not null references minutes (party_day_id),
    id               uuid          not null unique,
    -- 1, 2, ...: the order they were written in
    position         integer       not null check (position > 0),
    text             varchar(2000) not null,
    author           varchar(80)   not null,
    author_person_id uuid          references person (id),
    created_at       timestamptz   not null,
    primary key (party_day_id, id),
    unique (party_day_id, position)
);

create trigger minutes_addendum_append_only before update or delete on minutes_addendum
    for each row execute function zhibu_refuse_change();
create trigger minutes_addendum_no_truncate before truncate on minutes_addendum
    for each statement execute function zhibu_refuse_change();

-- Photos, the sign-in sheet and scanned minutes of a session: the bytes as uploaded and their SHA-256 (hex), computed
-- by the service. Never changed; removed only while the session's minutes are not archived.
create table minutes_attachment (
    party_day_id uuid         not null references party_day (id),
    id           uuid         not null unique,
    -- 1, 2, ...: the order they were uploaded in (a removed one's number is not reused)
    position     integer      not null check (position > 0),
    purpose      varchar(16)  not null check (purpose in ('PHOTO', 'SIGN_IN_SHEET', 'MINUTES_SCAN')),
    file_name    varchar(255) not null,
    content_type varchar(32)  not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size         integer      not null check (size > 0 and size = octet_length(content)),
    sha256       char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea        not null,
    uploaded_by  varchar(80)  not null,
    uploaded_at  timestamptz  not null,
    primary key (party_day_id, id),
    unique (party_day_id, position)
);

create function minutes_attachment_kept() returns trigger language plpgsql as $$
declare
    day uuid;
    archived timestamptz;
begin
    if tg_op = 'UPDATE' then
        raise exception 'minutes_attachment rows do not change: UPDATE refused' using errcode = 'insufficient_privilege';
    end if;
    day := case when tg_op = 'INSERT' then new.party_day_id else old.party_day_id end;
    -- the minutes row shared-locked: an archiving that runs at the same moment waits for this change, or this
    -- change for it (and then sees it archived)
    select m.archived_at into archived from minutes m where m.party_day_id = day for share;
    if archived is not null then
        raise exception 'minutes of % are archived: % of an attachment refused', day, tg_op
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;

create trigger minutes_attachment_kept before insert or update or delete on minutes_attachment
    for each row execute function minutes_attachment_kept();
create trigger minutes_attachment_no_truncate before truncate on minutes_attachment
    for each statement execute function zhibu_refuse_change();
