-- Every membership of a unit, past ones included (a branch's members on a past day: attendance rolls,
-- the rotation's members, coverage figures); the partial index only holds the open ones.
create index membership_unit on membership (org_unit_id, start_date);
