-- Publishing (lane R): which persons an administrator keeps out of the public list, and each
-- published edition of the report (its list's Merkle root and signed checkpoint). Both are facts
-- of record: a withholding is never taken back by editing it; a later edition is a new row.

create table report_withhold (
  id           bigserial   primary key,
  person_id    bigint      not null,
  reason       text        not null check (length(btrim(reason)) > 0),
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now()
);

create table report_edition (
  id              bigserial   primary key,
  tree_size       bigint      not null check (tree_size >= 0),
  root_sha256     text        not null check (root_sha256 ~ '^[0-9a-f]{64}$'),
  checkpoint      text        not null,
  previous_size   bigint,
  previous_root   text        check (previous_root is null or previous_root ~ '^[0-9a-f]{64}$'),
  withheld        integer     not null,
  recorded_by     text        not null,
  recorded_at     timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['report_withhold', 'report_edition'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
