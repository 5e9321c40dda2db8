SET lock_timeout = '5s';

-- What a publication's snapshot held of each person of the board: their week points and counted entries as the
-- standings had them in the publishing transaction's snapshot (anonymous people too, by id: never served, only
-- compared). Revisions of a published week are the live standings less these rows, so reading a published week
-- never reads the ledger, and an entry committed after the snapshot is a revision whatever clock stamped it.
create table published_standing (
    published_week_id uuid    not null references published_week (id),
    person_id         uuid    not null,
    points            integer not null,
    entries           integer not null,
    primary key (published_week_id, person_id)
);

create trigger published_standing_append_only before update or delete on published_standing
    for each row execute function zhibu_refuse_change();
create trigger published_standing_no_truncate before truncate on published_standing
    for each statement execute function zhibu_refuse_change();

-- The current editions published before this version: their board's people as the ledger had them at publication
-- time (the cut-off those editions were shown with). Read person by person (ledger_person_week), once.
insert into published_standing (published_week_id, person_id, points, entries)
select w.id, s.person_id, l.points, l.entries
from published_week w
join org_unit u on u.id = w.unit_id
join week_score s on s.iso_week = w.iso_week
    and case u.kind
        when 'BRANCH' then s.branch_id = u.id
        when 'PARTY_GROUP' then s.branch_id = u.parent_id and s.unit_ids @> array[u.id]
        when 'DEPARTMENT' then s.branch_id = u.parent_id and s.unit_ids @> array[u.id]
        else s.unit_ids @> array[u.id] end
cross join lateral (select coalesce(sum(e.points), 0) as points,
        coalesce(sum(case when e.reverses is null then 1 else -1 end), 0) as entries
    from ledger_entry e where e.person_id = s.person_id and e.iso_week = w.iso_week
    and e.created_at <= w.published_at) l
where w.superseded_at is null and l.entries > 0;
