SET lock_timeout = '5s';

-- The outbox and inbox of notices (reminders and notifications). A capability raises a notice in its own transaction
-- (a CDI event); the notify capability writes one row per recipient here in that same transaction. The inbox shows
-- the rows that are due; the WeChat sender drains notification_delivery outside any business transaction.
-- (kind, subject, person_id) is the dedupe key: an event reaches a person once, however often it is raised.
create table notification (
    id           uuid          primary key,
    person_id    uuid          not null references person (id),
    kind         varchar(40)   not null,
    subject      varchar(200)  not null,
    fields       jsonb         not null default '{}'::jsonb,
    link         varchar(300),
    due_at       timestamptz   not null,
    raised_at    timestamptz   not null,
    read_at      timestamptz,
    withdrawn_at timestamptz,
    constraint notification_once unique (kind, subject, person_id),
    -- a person's inbox, newest due first (and its unread count)
    constraint notification_inbox unique (person_id, due_at, id)
);

-- A notice's way to WeChat (one per notification; the inbox always has it). PENDING rows are sent in due order per
-- person; a row is claimed (SENDING) in a short transaction, sent outside it, and its outcome stored in another.
create table notification_delivery (
    notification_id uuid          primary key references notification (id),
    person_id       uuid          not null references person (id),
    kind            varchar(40)   not null,
    due_at          timestamptz   not null,
    state           varchar(20)   not null default 'PENDING' check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED',
                        'UNCERTAIN', 'NO_CREDIT', 'REFUSED', 'NOT_WANTED', 'NO_WECHAT', 'RECIPIENT_LEFT', 'WITHDRAWN')),
    attempts        integer       not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz   not null,
    claimed_by      varchar(120),
    claimed_at      timestamptz,
    last_error      varchar(300),
    sent_at         timestamptz,
    updated_at      timestamptz   not null,
    -- the queue: what is waiting, in the order it is due
    constraint notification_delivery_queue unique (state, next_attempt_at, notification_id),
    -- a person's deliveries in due order (the per-person order of sending)
    constraint notification_delivery_order unique (person_id, due_at, notification_id)
);

-- Every attempt to send, with its outcome: what the operator reads to see why a message did not arrive. Never
-- changed; deleted only with its notification by the retention purge.
create table notification_attempt (
    id              uuid          primary key,
    notification_id uuid          not null references notification (id),
    attempted_at    timestamptz   not null,
    outcome         varchar(20)   not null,
    errcode         integer,
    detail          varchar(300),
    replica         varchar(120)  not null,
    unique (notification_id, attempted_at, id)
);

create trigger notification_attempt_append_only before update on notification_attempt
    for each row execute function zhibu_refuse_change();
create trigger notification_attempt_no_truncate before truncate on notification_attempt
    for each statement execute function zhibu_refuse_change();

-- A member's choice of which kinds of notice also go to WeChat (no row: yes). The inbox always has every notice.
create table notification_preference (
    person_id  uuid         not null references person (id),
    kind       varchar(40)  not null,
    wechat     boolean      not null,
    updated_at timestamptz  not null,
    primary key (person_id, kind)
);

-- A branch's quiet hours (no row: the settings' default, 22:00 to 07:30 in the business zone): WeChat messages due
-- then wait until they end. starts_at = ends_at means no quiet hours.
create table notification_quiet_hours (
    unit_id    uuid         primary key references org_unit (id),
    starts_at  time         not null,
    ends_at    time         not null,
    version    integer      not null default 1,
    updated_at timestamptz  not null,
    updated_by varchar(80)  not null
);

-- WeChat subscribe-message credits: each acceptance of a template in the mini-program (wx.requestSubscribeMessage)
-- allows one message with it; the sender spends one per message sent.
create table wechat_subscription (
    person_id   uuid         not null references person (id),
    template_id varchar(64)  not null,
    credits     integer      not null check (credits >= 0),
    accepted    bigint       not null default 0 check (accepted >= 0),
    updated_at  timestamptz  not null,
    primary key (person_id, template_id)
);
