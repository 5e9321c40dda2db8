SET lock_timeout = '5s';

-- A pledge (承诺书): a branch's text for a year, with its numbered standards, which its members sign. It changes
-- only until the first signature; signing and changing take the pledge row's lock, so no one signs a text that then
-- changes. Each signature bumps the version (the ETag covers how many signed).
create table pledge (
    id         uuid           primary key,
    unit_id    uuid           not null references org_unit (id),
    year       integer        not null check (year between 2000 and 2100),
    title      varchar(100)   not null,
    text       varchar(5000)  not null,
    standards  varchar(500)[] not null check (cardinality(standards) between 1 and 20),
    version    bigint         not null,
    created_by varchar(80)    not null,
    created_at timestamptz    not null,
    updated_at timestamptz    not null,
    unique (unit_id, year)
);

-- A member's signature: the exact title, text and standards signed and their SHA-256 over the canonical form
-- (api-guide.md, "Pledges and honours"). Append-only.
create table pledge_signature (
    pledge_id uuid           not null references pledge (id),
    person_id uuid           not null references person (id),
    title     varchar(100)   not null,
    text      varchar(5000)  not null,
    standards varchar(500)[] not null check (cardinality(standards) between 1 and 20),
    sha256    char(64)       not null check (sha256 ~ '^[0-9a-f]{64}$'),
    signed_at timestamptz    not null,
    primary key (pledge_id, person_id)
);

create trigger pledge_signature_append_only before update or delete on pledge_signature
    for each row execute function zhibu_refuse_change();
create trigger pledge_signature_no_truncate before truncate on pledge_signature
    for each statement execute function zhibu_refuse_change();

-- The year-end review (践诺) of a signature: the member's self-assessment, then the secretary's comment.
create table pledge_review (
    pledge_id    uuid          not null,
    person_id    uuid          not null,
    assessed_at  timestamptz   not null,
    comment      varchar(2000),
    commented_by varchar(80),
    commented_at timestamptz,
    version      bigint        not null,
    primary key (pledge_id, person_id),
    -- a person's reviews across pledges (the member file), by the index of this constraint
    unique (person_id, pledge_id),
    foreign key (pledge_id, person_id) references pledge_signature (pledge_id, person_id),
    check ((comment is null) = (commented_at is null))
);

-- The self-assessment of one standard (numbered from 1) of the signed pledge.
create table pledge_assessment (
    pledge_id  uuid          not null,
    person_id  uuid          not null,
    standard   integer       not null check (standard between 1 and 20),
    text       varchar(1000) not null,
    grade      varchar(8)    check (grade in ('KEPT', 'PARTLY', 'NOT_KEPT')),
    primary key (pledge_id, person_id, standard),
    foreign key (pledge_id, person_id) references pledge_review (pledge_id, person_id)
);
