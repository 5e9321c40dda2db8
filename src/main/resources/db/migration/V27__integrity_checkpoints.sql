SET lock_timeout = '5s';

-- Signed checkpoints of integrity files' heads: one per append, in the append's transaction, signed with an Ed25519
-- key the database does not hold. The same checkpoints go to files outside the database (zhibu.integrity.checkpoint-dir),
-- so that whoever owns the database cannot drop entries from a file's tail and reset its head unnoticed.
create table integrity_checkpoint (
    id          bigint       generated always as identity primary key,
    file_id     uuid         not null references integrity_file (id),
    entry_count integer      not null check (entry_count >= 1),
    head_hash   bytea        not null check (octet_length(head_hash) = 32),
    at          timestamptz  not null,
    key_id      varchar(32)  not null,
    signature   bytea        not null check (octet_length(signature) = 64),
    unique (file_id, entry_count)
);

create trigger integrity_checkpoint_append_only before update or delete on integrity_checkpoint
    for each row execute function zhibu_refuse_change();
create trigger integrity_checkpoint_no_truncate before truncate on integrity_checkpoint
    for each statement execute function zhibu_refuse_change();
