-- A signing key row verifies tokens only when the service can tell it made the row: a generated key by its private
-- half, which decrypts under the field key; a configured key by this seal of its public half under the field key.
-- (Rows written by anyone else, through SQL or a restored backup, are ignored.)
alter table signing_key add column public_key_seal bytea;
