-- Linking and estimating into the case file (issue 11).
--
-- A linkage run is one `sijill link` over the lists in the case: its settings, the fitted model,
-- the software version, the review decisions it honoured, and one link per victim record to a
-- person with the record's match probability. A new run supersedes the previous one; nothing is
-- deleted, so every earlier run stays readable. Estimates point at the run they counted.
-- All tables here are append-only, like those of V1.

create table linkage_run (
  id                bigserial   primary key,
  supersedes        bigint      unique references linkage_run (id),
  settings          jsonb       not null,
  mode              text        not null check (mode in ('link-and-dedupe', 'link', 'dedupe')),
  model             jsonb       not null,
  lists             text[]      not null,
  decision_ids      bigint[]    not null default '{}',
  record_count      int         not null check (record_count >= 0),
  person_count      int         not null check (person_count >= 0),
  pair_count        int         not null check (pair_count >= 0),
  review_count      int         not null check (review_count >= 0),
  kept_person_ids   int         not null check (kept_person_ids >= 0),
  software_version  text        not null,
  recorded_at       timestamptz not null default now(),
  recorded_by       text        not null
);

-- The run in force: the one no later run supersedes (runs form one chain: supersedes is unique).
create view linkage_run_current as
  select r.* from linkage_run r
  where not exists (select 1 from linkage_run n where n.supersedes = r.id);

-- Each record of a run, linked to its person. probability: the highest match probability of a
-- scored pair joining the record to another record of its person; null when the person has one
-- record.
create table linkage_link (
  run_id       bigint           not null references linkage_run (id),
  victim_id    bigint           not null references victim_record (id),
  person_id    bigint           not null,
  probability  double precision check (probability between 0 and 1),
  primary key (run_id, victim_id)
);
create index linkage_link_person on linkage_link (run_id, person_id);

-- The pairs of a run that a person should look at, the most contested first.
create table linkage_review_pair (
  run_id           bigint           not null references linkage_run (id),
  rank             int              not null,
  left_victim_id   bigint           not null references victim_record (id),
  right_victim_id  bigint           not null references victim_record (id),
  probability      double precision not null check (probability between 0 and 1),
  same_person      boolean          not null,
  primary key (run_id, rank)
);

-- A reviewer's decision about a pair of records. The newest decision on a pair is in force
-- (link_decision_current); 'unsure' records that someone looked and could not tell.
create table link_decision (
  id               bigserial   primary key,
  left_victim_id   bigint      not null references victim_record (id),
  right_victim_id  bigint      not null references victim_record (id),
  decision         text        not null check (decision in ('same', 'different', 'unsure')),
  decided_by       text        not null,
  origin           text,
  recorded_at      timestamptz not null default now(),
  recorded_by      text        not null,
  check (left_victim_id < right_victim_id)
);
create index link_decision_pair on link_decision (left_victim_id, right_victim_id);

create view link_decision_current as
  select distinct on (left_victim_id, right_victim_id) * from link_decision
  order by left_victim_id, right_victim_id, id desc;

-- One `sijill estimate` over a linkage run: the capture data's hash, the options and the whole
-- report as printed; its estimates are rows of `estimate` pointing here.
create table estimation (
  id                bigserial   primary key,
  linkage_run_id    bigint      not null references linkage_run (id),
  strata            text[]      not null default '{}',
  seed              bigint      not null,
  input_sha256      char(64)    not null check (input_sha256 ~ '^[0-9a-f]{64}$'),
  options           jsonb       not null,
  report            jsonb       not null,
  software_version  text        not null,
  recorded_at       timestamptz not null default now(),
  recorded_by       text        not null
);

alter table estimate add column estimation_id   bigint  references estimation (id);
alter table estimate add column linkage_run_id  bigint  references linkage_run (id);
alter table estimate add column stratum         text;
alter table estimate add column recommended     boolean not null default false;
alter table estimate add column input_sha256    char(64);

-- person_link (V1) was never written: linkage_link, per run, replaces it.
drop view person_link_current;
drop table person_link;

do $$
declare t text;
begin
  foreach t in array array['linkage_run', 'linkage_link', 'linkage_review_pair', 'link_decision',
                           'estimation'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
