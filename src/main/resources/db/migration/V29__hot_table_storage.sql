SET lock_timeout = '5s';
-- Storage for the tables the service updates again and again. Room left free in each page (fillfactor) lets
-- PostgreSQL write a row's new version beside the old one (a HOT update: no index entries, pruned without a vacuum);
-- a vacuum after a small share of dead rows (rather than the default 20 %) keeps them from growing while they
-- are busy. ALTER TABLE ... SET takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on meanwhile. The new
-- fillfactor applies to pages written from now on.
--
-- Tables only ever appended to keep fillfactor 100: the ledger (ledger_entry), check-ins, published boards, the
-- integrity records and audit, imported points records. Idempotency records are written once and deleted after a
-- day: no room for updates, but vacuumed sooner.

-- the standings applier's position: one row moved by every batch, several times a second
alter table standings_position set (fillfactor = 10, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000);
-- people's weekly totals: every applier batch adds to the rows of the people it takes in
alter table week_score set (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
-- a unit's count of people per weekly total: moved by every credit that changes someone's total
alter table week_bucket set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
-- sign-in sessions: a refresh token is marked used when it rotates, its family touched on each refresh
alter table refresh_token set (fillfactor = 85, autovacuum_vacuum_scale_factor = 0.05);
alter table refresh_family set (fillfactor = 85, autovacuum_vacuum_scale_factor = 0.05);
-- failed sign-ins counted per account, reset on success
alter table sign_in_failure set (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05);
-- scheduled jobs: a handful of rows, each updated on every run of its job
alter table scheduled_job set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 200);
-- people imports: their progress is written every few hundred lines while they run
alter table people_import set (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05);
-- idempotency records: inserted once, deleted after the retention; fillfactor stays 100
alter table idempotency_record set (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
