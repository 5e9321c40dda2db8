-- The service's role: it reads and writes rows, never the schema (no DDL, no trigger changes, no TRUNCATE).
-- Run by the owner after every migration (cn.zhibu.platform.db.ServiceRoleGrants), so new tables are covered;
-- :role stands for the service's role. Statements end with ';' at the end of a line.
revoke create on schema public from public;
grant usage on schema public to :role;
grant select, insert, update, delete on all tables in schema public to :role;
revoke truncate, references, trigger on all tables in schema public from :role;
grant usage, select, update on all sequences in schema public to :role;
-- Append-only records: written once, read, never changed (their triggers refuse it too, for every role).
revoke update, delete on ledger_entry, published_person, published_unit, published_standing, integrity_entry,
    integrity_relation, integrity_checkpoint, minutes_addendum, quiz_contest, pledge_signature, annual_plan_review,
    board_visibility_change, retention_purge, my_data_export, export_audit
    from :role;
-- Attachments of minutes never change (removed only before the minutes are archived, which their trigger checks).
revoke update on minutes_attachment from :role;
-- Attempts to send a notice never change (the retention purge deletes them with their notice).
revoke update on notification_attempt from :role;
-- An export's ZIP never changes under its recorded SHA-256 (deleted only when it expires).
revoke update on export_file from :role;
-- Audit rows are only deleted (by the purge, after 180 days); payloads are only re-encrypted in place;
-- a published week is only superseded.
revoke update on integrity_audit from :role;
revoke delete on integrity_entry_payload, published_week from :role;
revoke insert, update, delete on flyway_schema_history from :role;
