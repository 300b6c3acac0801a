-- Issue 11: the same list file (same SHA-256 of its bytes) imported twice. Import refuses it unless
-- the user says why (`import-list --again --reason TEXT`); this table records each such repeat:
-- which import repeats which earlier one, and why. Records of a repeating import are kept (they are
-- what was imported) but the case's counts take each file's records once.
-- A separate table, not new columns on list_import, because list_import is append-only: a
-- repeat found in an existing database can be recorded below without rewriting any import row.
create table list_import_repeat (
  import_id    bigint      primary key references list_import (id),
  repeats      bigint      not null references list_import (id),
  reason       text        not null check (length(trim(reason)) > 0),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  check (repeats < import_id)
);
create index list_import_sha256 on list_import (file_sha256);

create trigger list_import_repeat_append_only before update or delete on list_import_repeat
  for each row execute function sijill_append_only();
create trigger list_import_repeat_no_truncate before truncate on list_import_repeat
  for each statement execute function sijill_append_only();

-- Files imported twice before this migration: each later import repeats the first one.
insert into list_import_repeat (import_id, repeats, reason, recorded_by)
  select later.id, first.id,
         'imported again before Sijill refused repeated lists (found by migration V2)', 'migration V2'
  from list_import later
  join lateral (select min(id) as id from list_import f where f.file_sha256 = later.file_sha256) first
    on first.id < later.id;
