SET lock_timeout = '5s';

-- Organisational life (组织生活): every kind of a branch's sessions (三会一课, 主题党日, 组织生活会, 廉政教育, 学习会,
-- 现场教学), how each is held, the party group a group meeting is of, the study hours a session credits when it
-- credits other than its kind's setting, and the rites (政治仪式) held at it.
alter table party_day drop constraint party_day_kind_check;
alter table party_day add constraint party_day_kind_check check (kind in ('MEMBER_ASSEMBLY', 'BRANCH_COMMITTEE',
    'PARTY_GROUP_MEETING', 'PARTY_LECTURE', 'THEMED_PARTY_DAY', 'ORG_LIFE_MEETING', 'INTEGRITY_EDUCATION',
    'STUDY_SESSION', 'FIELD_TEACHING')) not valid;
alter table party_day add column format varchar(16) not null default 'IN_PERSON';
alter table party_day add constraint party_day_format_check check (format in ('IN_PERSON', 'ONLINE', 'HYBRID'))
    not valid;
alter table party_day add column party_group_id uuid;
alter table party_day add constraint party_day_party_group_fk foreign key (party_group_id) references org_unit (id)
    not valid;
alter table party_day add constraint party_day_group_meeting_check check ((kind = 'PARTY_GROUP_MEETING')
    = (party_group_id is not null)) not valid;
alter table party_day add column study_hours numeric(3, 1);
alter table party_day add constraint party_day_study_hours_check check (study_hours between 0 and 12) not valid;
alter table party_day add column rites varchar(24)[] not null default '{}';

-- The branch committee (支部委员会): who sits on it and in which post. It is who a BRANCH_COMMITTEE session expects.
create table branch_committee_member (
    branch_id  uuid         not null references org_unit (id),
    person_id  uuid         not null references person (id),
    post       varchar(24)  not null check (post in ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANISATION', 'PUBLICITY',
                                                     'DISCIPLINE', 'MEMBER')),
    position   smallint     not null check (position between 1 and 15),
    since      date         not null,
    primary key (branch_id, person_id)
);
