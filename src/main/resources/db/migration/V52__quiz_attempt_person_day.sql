SET lock_timeout = '5s';
-- A member's scored quiz attempts over a period (the study figures read them from the subtree's memberships).
-- Built CONCURRENTLY, so outside a transaction (V52__quiz_attempt_person_day.sql.conf): attempts go on meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS quiz_attempt_person_day;
CREATE INDEX CONCURRENTLY quiz_attempt_person_day ON quiz_attempt (person_id, business_date)
    INCLUDE (score, question_count) WHERE practice = false;
