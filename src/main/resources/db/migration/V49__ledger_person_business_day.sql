SET lock_timeout = '5s';
-- A person's points over a period of business days (the figures' points per member): read from the index alone.
-- Built CONCURRENTLY, so outside a transaction (V49__ledger_person_business_day.sql.conf): writes go on meanwhile.
-- A build that failed leaves an invalid index behind; dropping it first makes running the file again build anew.
DROP INDEX CONCURRENTLY IF EXISTS ledger_person_business_day;
CREATE INDEX CONCURRENTLY ledger_person_business_day ON ledger_entry (person_id, business_date) INCLUDE (points);
