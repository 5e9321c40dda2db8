-- A check-in whose ledger entry was reversed keeps its entry and shows REVERSED: it no longer counts
-- towards streaks, and the day's check-in stays made.
alter table check_in drop constraint check_in_status_check;
alter table check_in drop constraint check_in_check;
alter table check_in drop constraint check_in_check1;
alter table check_in add constraint check_in_status_known
    check (status in ('CREDITED', 'FLAGGED', 'REJECTED', 'REVERSED'));
alter table check_in add constraint check_in_entry_when_credited
    check ((status in ('CREDITED', 'REVERSED')) = (ledger_entry_id is not null));
alter table check_in add constraint check_in_flag_reason_when_flagged
    check (status in ('CREDITED', 'REVERSED') or flag_reason is not null);
