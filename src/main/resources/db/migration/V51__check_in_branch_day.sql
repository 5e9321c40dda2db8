SET lock_timeout = '5s';
-- The credited check-ins of a branch and day (the stats summariser's recount, and the days it has not yet recounted).
-- Built CONCURRENTLY, so outside a transaction (V51__check_in_branch_day.sql.conf): check-ins go on meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS check_in_branch_day;
CREATE INDEX CONCURRENTLY check_in_branch_day ON check_in (branch_id, business_date) INCLUDE (person_id)
    WHERE status = 'CREDITED';
