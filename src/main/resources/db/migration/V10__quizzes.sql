-- Quizzes (一学一测): a question bank per org unit, quizzes drawn from the bank of their audience unit
-- and its ancestors, and members' attempts. An attempt keeps its own copy of its questions (text,
-- options, correct keys, explanation), so changing a question later never changes an attempt.
-- Options are kept in order: the first is key A, the second B, and so on (at most F).
create table quiz_question (
    id            uuid            primary key,
    org_unit_id   uuid            not null references org_unit (id),
    kind          varchar(16)     not null check (kind in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE')),
    text          varchar(500)    not null,
    options       varchar(200)[]  not null check (cardinality(options) between 2 and 6),
    correct_keys  varchar(6)      not null check (correct_keys ~ '^[A-F]{1,6}$'),
    explanation   varchar(1000),
    retired_at    timestamptz,
    created_by    varchar(80)     not null,
    version       bigint          not null,
    created_at    timestamptz     not null,
    updated_at    timestamptz     not null
);
-- a unit's bank, newest first
create index quiz_question_unit on quiz_question (org_unit_id, created_at desc, id desc);

-- A quiz is tied to a study material (its audience and opening are the material's; org_unit_id is
-- the material's unit, which never changes) or stands alone with its own publishing window.
create table quiz (
    id                 uuid          primary key,
    org_unit_id        uuid          not null references org_unit (id),
    material_id        uuid          references study_material (id),
    title              varchar(100)  not null,
    question_ids       uuid[]        not null check (cardinality(question_ids) between 1 and 50),
    time_limit_seconds integer       not null check (time_limit_seconds between 30 and 7200),
    pass_score         integer       check (pass_score between 1 and 50),
    publish_from       timestamptz,
    publish_until      timestamptz,
    withdrawn_at       timestamptz,
    created_by         varchar(80)   not null,
    version            bigint        not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    check ((material_id is null) = (publish_from is not null)),
    check (material_id is null or publish_until is null),
    check (publish_until is null or publish_until > publish_from),
    check (pass_score is null or pass_score <= cardinality(question_ids))
);
create index quiz_unit on quiz (org_unit_id, created_at desc, id desc);
create index quiz_material on quiz (material_id) where material_id is not null;

-- A member's attempt. Submitted once: business_date is the business day of the submission; the
-- first submitted attempt of a quiz by a person on a day is the scored one (practice = false), later
-- ones are practice. Only the scored one may hold ledger entries.
create table quiz_attempt (
    id                  uuid         primary key,
    quiz_id             uuid         not null references quiz (id),
    person_id           uuid         not null references person (id),
    started_at          timestamptz  not null,
    deadline            timestamptz  not null,
    question_count      integer      not null check (question_count between 1 and 50),
    pass_score          integer      not null,
    submitted_at        timestamptz,
    business_date       date,
    score               integer,
    late                boolean,
    practice            boolean,
    points              integer,
    points_entry_id     uuid         references ledger_entry (id),
    full_marks_entry_id uuid         references ledger_entry (id),
    created_by          varchar(80)  not null,
    version             bigint       not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    check (deadline > started_at),
    check (pass_score between 1 and question_count),
    check ((submitted_at is null) = (business_date is null)
        and (submitted_at is null) = (score is null)
        and (submitted_at is null) = (late is null)
        and (submitted_at is null) = (practice is null)),
    check (score is null or score between 0 and question_count),
    check (not coalesce(practice, false) or (points_entry_id is null and full_marks_entry_id is null))
);
-- exactly one scored attempt per quiz, person and business day, even when submissions race
create unique index quiz_attempt_scored_once on quiz_attempt (quiz_id, person_id, business_date) where not practice;
-- a ledger entry is earned by one attempt
create unique index quiz_attempt_points_entry on quiz_attempt (points_entry_id) where points_entry_id is not null;
create unique index quiz_attempt_full_marks_entry on quiz_attempt (full_marks_entry_id)
    where full_marks_entry_id is not null;
create index quiz_attempt_person on quiz_attempt (person_id, started_at desc, id desc);
create index quiz_attempt_quiz_person on quiz_attempt (quiz_id, person_id, started_at desc, id desc);

-- The questions of an attempt as they were when it started, in order, with the answer once submitted.
create table quiz_attempt_question (
    id            uuid            primary key,
    attempt_id    uuid            not null references quiz_attempt (id),
    position      integer         not null check (position between 1 and 50),
    question_id   uuid            not null references quiz_question (id),
    kind          varchar(16)     not null check (kind in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE')),
    text          varchar(500)    not null,
    options       varchar(200)[]  not null check (cardinality(options) between 2 and 6),
    correct_keys  varchar(6)      not null check (correct_keys ~ '^[A-F]{1,6}$'),
    explanation   varchar(1000),
    chosen_keys   varchar(6)      check (chosen_keys ~ '^[A-F]{0,6}$'),
    correct       boolean,
    unique (attempt_id, position),
    unique (attempt_id, question_id),
    check ((chosen_keys is null) = (correct is null))
);
