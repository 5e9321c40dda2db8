-- Weekly standings are brought up to date from the ledger by an applier (cn.zhibu.leaderboard.StandingsApplier),
-- outside the transactions that write the ledger, so that a check-in writes nothing shared by other people.
--
-- Ledger order: the id of the transaction that wrote the entry, then a sequence. The applier takes only entries
-- whose transaction id is below the oldest transaction still running (pg_snapshot_xmin): those transactions have
-- all ended, so no entry can appear later before its position. Needs PostgreSQL 13 or later (xid8).
alter table ledger_entry add column seq bigint generated always as identity;
alter table ledger_entry add column tx xid8 not null default pg_current_xact_id();
create index ledger_applier_order on ledger_entry (tx, seq);

-- How far the applier has gone: every entry at or before (tx, seq) is in week_score and week_bucket. Moved in the
-- same transaction as the changes it applies. The standings of the entries made before this migration were kept
-- in the ledger's own transactions, so the applier starts after them (they all carry this migration's id).
create table standings_position (
    id          smallint    primary key check (id = 1),
    tx          xid8        not null,
    seq         bigint      not null,
    applied_at  timestamptz not null,
    applied     bigint      not null
);
insert into standings_position (id, tx, seq, applied_at, applied)
select 1, pg_current_xact_id(), coalesce(max(seq), 0), now(), 0 from ledger_entry;

-- a person's counted entries are a running sum of credits (+1) and reversals (-1); a reversal may be applied in a
-- batch before the credit it reverses when its transaction began first, so the sum may pass below zero for a moment
alter table week_score drop constraint week_score_entries_check;

-- A week frozen with wrong figures (published before its standings were complete) may be published again by an org
-- admin, as a visible edition with its reason; the earlier edition stays, marked superseded.
alter table published_week add column edition integer not null default 1 check (edition >= 1);
alter table published_week add column edition_reason varchar(200);
alter table published_week add column superseded_at timestamptz;
alter table published_week add check ((edition = 1) = (edition_reason is null));
alter table published_week drop constraint published_week_once;
alter table published_week add constraint published_week_edition_once unique (unit_id, iso_week, edition);
-- one current edition per unit and week; read backwards, it also lists a unit's weeks newest first
create unique index published_week_current on published_week (unit_id, iso_week) where superseded_at is null;
