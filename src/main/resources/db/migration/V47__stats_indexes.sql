SET lock_timeout = '5s';

-- Dashboard figures (stats): credited check-ins of a unit's branches by day, scored quiz attempts by day, and a
-- branch's sessions by the day they are held.
create index check_in_branch_day on check_in (branch_id, business_date) where status = 'CREDITED';
create index quiz_attempt_scored_day on quiz_attempt (business_date, person_id) where practice = false;
create index party_day_branch_held on party_day (branch_id, held_on);
