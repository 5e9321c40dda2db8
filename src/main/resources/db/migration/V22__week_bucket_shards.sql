-- A bucket row (a unit's count of people with one weekly total) is written by every credit that moves
-- someone of the unit to or from that total; at the top of a large tree, check-ins queued on these rows
-- (a check-in benchmark's busy sessions were 93 % waiting for locks). Each bucket is split into 16 shards,
-- chosen by the person, so concurrent credits seldom meet; readers sum the shards. Rows made before this
-- migration stay in shard 0: the sums are right whichever shard a person's moves land in.
alter table week_bucket add column shard smallint not null default 0 check (shard between 0 and 15);
alter table week_bucket drop constraint week_bucket_pkey;
alter table week_bucket add primary key (iso_week, unit_id, points, shard);
