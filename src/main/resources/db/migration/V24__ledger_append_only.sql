-- The points ledger and the published weeks are kept as written, whoever connects: a correction of points is a
-- reversal entry, a correction of a published week is a new edition that supersedes it. (Integrity records have the
-- same guard since V20.)

create function zhibu_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function zhibu_refuse_change();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function zhibu_refuse_change();

-- A reversal negates one entry of the same person and activity that is not itself a reversal (once: the unique
-- index ledger_reversal_once).
create function ledger_reversal_check() returns trigger language plpgsql as $$
declare
    original ledger_entry%rowtype;
begin
    if new.reverses is null then
        return new;
    end if;
    select * into original from ledger_entry where id = new.reverses;
    if not found or original.reverses is not null or original.person_id <> new.person_id
            or original.activity_type <> new.activity_type or original.points <> -new.points then
        raise exception 'ledger entry % is not a reversal of %: a reversal negates one entry of the same person and '
            'activity that is not itself a reversal', new.id, new.reverses using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger ledger_entry_reversal_check before insert on ledger_entry
    for each row execute function ledger_reversal_check();

-- Boards as published never change.
create trigger published_person_append_only before update or delete on published_person
    for each row execute function zhibu_refuse_change();
create trigger published_person_no_truncate before truncate on published_person
    for each statement execute function zhibu_refuse_change();
create trigger published_unit_append_only before update or delete on published_unit
    for each row execute function zhibu_refuse_change();
create trigger published_unit_no_truncate before truncate on published_unit
    for each statement execute function zhibu_refuse_change();

-- A published week's header: its counts are written by the transaction that publishes it; afterwards the only change
-- is to be superseded, once, by a new edition.
alter table published_week add column created_tx xid8 not null default pg_current_xact_id();

create function published_week_guard() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE'
            or (new.id, new.unit_id, new.iso_week, new.published_at, new.published_by, new.metric, new.edition,
                new.edition_reason, new.created_tx)
               is distinct from (old.id, old.unit_id, old.iso_week, old.published_at, old.published_by, old.metric,
                old.edition, old.edition_reason, old.created_tx)
            or (old.superseded_at is not null and new.superseded_at is distinct from old.superseded_at)
            or ((new.participants, new.minimum_size) is distinct from (old.participants, old.minimum_size)
                and old.created_tx <> pg_current_xact_id()) then
        raise exception 'published weeks are append-only: % refused (a new edition supersedes a week)', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create trigger published_week_kept before update or delete on published_week
    for each row execute function published_week_guard();
create trigger published_week_no_truncate before truncate on published_week
    for each statement execute function zhibu_refuse_change();
