-- Restricted items: access groups, their members, and which items each group holds (issue 12).
--
-- Append-only like every other table: a member removed is a new row saying so (the newest row of a
-- (group, user) pair decides); a restriction is a fact of record. An item restricted to one or more
-- groups shows who is in it only to admins and to members of one of those groups; everyone else
-- sees that it exists and a placeholder.

create table access_group (
  id           bigserial   primary key,
  name         text        not null unique check (length(btrim(name)) between 1 and 100),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null
);

create table access_group_member (
  id           bigserial   primary key,
  group_id     bigint      not null references access_group (id),
  user_id      bigint      not null,
  member       boolean     not null,
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null
);
create index access_group_member_pair on access_group_member (group_id, user_id, id);

-- The current members: the newest row of each (group, user) says whether the user is in.
create view access_group_member_current as
  select * from (
    select distinct on (group_id, user_id) * from access_group_member
    order by group_id, user_id, id desc) m
  where m.member;

create table item_restriction (
  id           bigserial   primary key,
  item_type    text        not null check (item_type in ('source', 'evidence', 'incident', 'victim')),
  item_id      bigint      not null,
  group_id     bigint      not null references access_group (id),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  unique (item_type, item_id, group_id)
);

do $$
declare t text;
begin
  foreach t in array array['access_group', 'access_group_member', 'item_restriction'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
