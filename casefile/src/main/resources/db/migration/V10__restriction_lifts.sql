-- Lifting a restriction (issue 12): an administrator may end an item's restriction to a group,
-- with a reason. Nothing is deleted: the lift is a new row pointing at the restriction it ends,
-- so who could see an item, when, and why that changed stays answerable.
--
-- A restriction that was lifted may be made again: that is a new item_restriction row, so the
-- one-row-per-(item, group) rule of V6 gives way to "at most one row in force", which
-- item_restriction_current shows and the application keeps (restrict only when none is in force).

alter table item_restriction drop constraint if exists item_restriction_item_type_item_id_group_id_key;
create index if not exists item_restriction_item on item_restriction (item_type, item_id, group_id);

create table item_restriction_lift (
  id              bigserial   primary key,
  restriction_id  bigint      not null unique references item_restriction (id),
  reason          text        not null check (length(btrim(reason)) between 1 and 2000),
  recorded_at     timestamptz not null default now(),
  recorded_by     text        not null
);

-- The restrictions in force: those no lift ends.
create view item_restriction_current as
  select r.* from item_restriction r
  where not exists (select 1 from item_restriction_lift l where l.restriction_id = r.id);

create trigger item_restriction_lift_append_only before update or delete on item_restriction_lift
  for each row execute function sijill_append_only();
create trigger item_restriction_lift_no_truncate before truncate on item_restriction_lift
  for each statement execute function sijill_append_only();
