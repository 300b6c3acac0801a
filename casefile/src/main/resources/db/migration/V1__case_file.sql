-- Sijill case file, first schema.
--
-- Two kinds of table, both append-only (a trigger below rejects UPDATE, DELETE and TRUNCATE):
--  * versioned entities (source, location, actor, incident, attribution, public_claim, person,
--    app_user): a correction inserts a new row with the same id and version + 1; the *_current
--    views show the latest version of each id.
--  * the evidence trail (evidence_item, custody_event, claim, assessment, list_import,
--    victim_record, person_link, incident_evidence, estimate): rows are facts of record; a
--    correction is a new row that points at the one it supersedes.
-- Every row records who wrote it (recorded_by), when (recorded_at, UTC) and, for corrections, why.

create function sijill_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: write a new version instead of %', tg_table_name, tg_op
    using errcode = 'P0001';
end $$;

create table app_user (
  id            bigint      not null,
  version       int         not null default 1,
  username      text        not null,
  display_name  text,
  role          text        not null check (role in ('admin', 'investigator', 'analyst', 'viewer')),
  active        boolean     not null default true,
  recorded_at   timestamptz not null default now(),
  recorded_by   text        not null,
  reason        text,
  primary key (id, version)
);
create sequence app_user_id_seq owned by app_user.id;
alter table app_user alter column id set default nextval('app_user_id_seq');
create unique index app_user_username_version on app_user (username, version);

create table source (
  id               bigint      not null,
  version          int         not null default 1,
  kind             text        not null check (kind in ('documentation_group', 'media', 'witness',
                                                        'social_account', 'official', 'archive')),
  name_ar          text,
  name_en          text,
  confidentiality  text        not null default 'public'
                               check (confidentiality in ('public', 'restricted', 'confidential')),
  url              text,
  notes            text,
  recorded_at      timestamptz not null default now(),
  recorded_by      text        not null,
  reason           text,
  primary key (id, version),
  check (name_ar is not null or name_en is not null)
);
create sequence source_id_seq owned by source.id;
alter table source alter column id set default nextval('source_id_seq');

create table location (
  id           bigint      not null,
  version      int         not null default 1,
  name_ar      text,
  name_en      text,
  variants     text[]      not null default '{}',
  level        text        not null check (level in ('governorate', 'district', 'subdistrict', 'town',
                                                     'neighbourhood', 'site')),
  parent_id    bigint,
  latitude     double precision check (latitude between -90 and 90),
  longitude    double precision check (longitude between -180 and 180),
  precision_m  int,
  data_source  text,
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  reason       text,
  primary key (id, version)
);
create sequence location_id_seq owned by location.id;
alter table location alter column id set default nextval('location_id_seq');

create table actor (
  id           bigint      not null,
  version      int         not null default 1,
  name_ar      text,
  name_en      text,
  kind         text        not null check (kind in ('state_force', 'armed_group', 'militia',
                                                    'individual', 'unknown')),
  notes        text,
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  reason       text,
  primary key (id, version)
);
create sequence actor_id_seq owned by actor.id;
alter table actor alter column id set default nextval('actor_id_seq');

create table incident (
  id               bigint      not null,
  version          int         not null default 1,
  title_ar         text,
  title_en         text,
  type             text        not null,
  description      text,
  start_date       date,
  start_precision  text        not null default 'day' check (start_precision in ('day', 'month', 'year')),
  end_date         date,
  end_precision    text        not null default 'day' check (end_precision in ('day', 'month', 'year')),
  location_id      bigint,
  casualties_best  int         check (casualties_best >= 0),
  casualties_low   int         check (casualties_low >= 0),
  casualties_high  int         check (casualties_high >= 0),
  status           text        not null default 'under_review'
                               check (status in ('under_review', 'published', 'disputed', 'retracted')),
  recorded_at      timestamptz not null default now(),
  recorded_by      text        not null,
  reason           text,
  primary key (id, version),
  check (casualties_low is null or casualties_high is null or casualties_low <= casualties_high)
);
create sequence incident_id_seq owned by incident.id;
alter table incident alter column id set default nextval('incident_id_seq');

create table attribution (
  id           bigint      not null,
  version      int         not null default 1,
  incident_id  bigint      not null,
  actor_id     bigint      not null,
  role         text        not null check (role in ('alleged_perpetrator', 'perpetrator', 'commander',
                                                    'facilitator', 'responder')),
  grade        text        not null check (grade in ('confirmed', 'fair', 'weak', 'contested', 'discounted')),
  rationale    text,
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  reason       text,
  primary key (id, version)
);
create sequence attribution_id_seq owned by attribution.id;
alter table attribution alter column id set default nextval('attribution_id_seq');

create table evidence_item (
  id             bigserial   primary key,
  sha256         char(64)    not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  sha512         char(128)   check (sha512 ~ '^[0-9a-f]{128}$'),
  media_type     text        not null,
  size_bytes     bigint      not null check (size_bytes >= 0),
  original_name  text,
  original_url   text,
  acquired_at    timestamptz not null,
  acquired_by    text        not null,
  source_id      bigint,
  metadata       jsonb       not null default '{}',
  note           text,
  recorded_at    timestamptz not null default now(),
  recorded_by    text        not null
);

create table custody_event (
  id            bigserial   primary key,
  evidence_id   bigint      references evidence_item (id),
  action        text        not null check (action in ('acquired', 'metadata_extracted', 'viewed', 'exported',
                                                       'assessed', 'linked_to_incident', 'annotated',
                                                       'imported')),
  actor         text        not null,
  occurred_at   timestamptz not null,
  details       jsonb       not null default '{}',
  log_index     bigint      unique,
  recorded_at   timestamptz not null default now(),
  recorded_by   text        not null
);
create index custody_event_evidence on custody_event (evidence_id);

create table incident_evidence (
  id           bigserial   primary key,
  incident_id  bigint      not null,
  evidence_id  bigint      not null references evidence_item (id),
  relation     text        not null default 'documents',
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null
);

create table claim (
  id           bigserial   primary key,
  source_id    bigint      not null,
  kind         text        not null check (kind in ('occurrence', 'casualty_count', 'attribution',
                                                    'identity', 'place', 'time')),
  text         text        not null,
  payload      jsonb       not null default '{}',
  stated_on    date,
  incident_id  bigint,
  evidence_id  bigint      references evidence_item (id),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null
);

create table assessment (
  id           bigserial   primary key,
  target_type  text        not null check (target_type in ('evidence', 'claim', 'incident', 'attribution',
                                                          'public_claim')),
  target_id    bigint      not null,
  method       text        not null,
  grade        text        check (grade in ('confirmed', 'fair', 'weak', 'contested', 'discounted')),
  status       text        check (status in ('unverified', 'corroborated', 'verified', 'disputed',
                                             'misattributed')),
  rationale    text        not null,
  assessor     text        not null,
  supersedes   bigint      references assessment (id),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  check (grade is not null or status is not null)
);
create index assessment_target on assessment (target_type, target_id);

create table public_claim (
  id            bigint      not null,
  version       int         not null default 1,
  claimant      text        not null,
  source_id     bigint,
  claimed_on    date        not null,
  figure_low    int         not null check (figure_low >= 0),
  figure_high   int         check (figure_high >= 0),
  qualifier     text        not null check (qualifier in ('at_least', 'about', 'up_to', 'exactly')),
  category      text        not null check (category in ('killed', 'missing', 'injured')),
  scope         text,
  location_id   bigint,
  period_start  date,
  period_end    date,
  evidence_id   bigint      references evidence_item (id),
  quote         text,
  recorded_at   timestamptz not null default now(),
  recorded_by   text        not null,
  reason        text,
  primary key (id, version),
  check (figure_high is null or figure_high >= figure_low)
);
create sequence public_claim_id_seq owned by public_claim.id;
alter table public_claim alter column id set default nextval('public_claim_id_seq');

create table list_import (
  id           bigserial   primary key,
  list_name    text        not null,
  source_id    bigint,
  file_name    text        not null,
  file_sha256  char(64)    not null,
  encoding     text        not null,
  row_count    int         not null,
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null
);

create table victim_record (
  id              bigserial   primary key,
  import_id       bigint      not null references list_import (id),
  list_name       text        not null,
  line_number     int         not null,
  record_id       text        not null,
  full_name       text,
  given_name      text,
  father_name     text,
  mother_name     text,
  family_name     text,
  sex             char(1)     check (sex in ('M', 'F')),
  age             int         check (age between 0 and 130),
  age_group       text        check (age_group in ('child', 'adult')),
  date_of_death   text        check (date_of_death ~ '^\d{4}-\d{2}(-\d{2})?$'),
  place_of_death  text,
  governorate     text,
  status          text        check (status in ('civilian', 'combatant', 'unknown')),
  cause           text,
  attributes      jsonb       not null default '{}',
  raw             jsonb       not null,
  supersedes      bigint      references victim_record (id),
  recorded_at     timestamptz not null default now(),
  recorded_by     text        not null,
  unique (import_id, record_id)
);
create index victim_record_list on victim_record (list_name);

-- Derived search keys (from the linkage module's name keys); rebuildable, so not append-only.
create table victim_search_key (
  victim_id  bigint not null references victim_record (id),
  key        text   not null,
  primary key (key, victim_id)
);

create table person (
  id            bigint      not null,
  version       int         not null default 1,
  display_name  text,
  recorded_at   timestamptz not null default now(),
  recorded_by   text        not null,
  reason        text,
  primary key (id, version)
);
create sequence person_id_seq owned by person.id;
alter table person alter column id set default nextval('person_id_seq');

create table person_link (
  id           bigserial   primary key,
  victim_id    bigint      not null references victim_record (id),
  person_id    bigint      not null,
  score        double precision check (score between 0 and 1),
  decided_by   text        not null,
  method       text        not null check (method in ('automatic', 'reviewer')),
  supersedes   bigint      references person_link (id),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null
);
create index person_link_victim on person_link (victim_id);

create table estimate (
  id                bigserial   primary key,
  lists             text[]      not null,
  strata            text,
  method            text        not null,
  model             text,
  total             double precision not null,
  lower_bound       double precision,
  upper_bound       double precision,
  seed              bigint,
  inputs            jsonb       not null default '{}',
  result            jsonb       not null default '{}',
  software_version  text        not null,
  recorded_at       timestamptz not null default now(),
  recorded_by       text        not null
);

-- Latest version of each versioned entity.
create view app_user_current     as select distinct on (id) * from app_user     order by id, version desc;
create view source_current       as select distinct on (id) * from source       order by id, version desc;
create view location_current     as select distinct on (id) * from location     order by id, version desc;
create view actor_current        as select distinct on (id) * from actor        order by id, version desc;
create view incident_current     as select distinct on (id) * from incident     order by id, version desc;
create view attribution_current  as select distinct on (id) * from attribution  order by id, version desc;
create view public_claim_current as select distinct on (id) * from public_claim order by id, version desc;
create view person_current       as select distinct on (id) * from person       order by id, version desc;

-- The current link of each victim record: the newest link that nothing supersedes.
create view person_link_current as
  select l.* from person_link l
  where not exists (select 1 from person_link n where n.supersedes = l.id);

do $$
declare t text;
begin
  foreach t in array array['app_user', 'source', 'location', 'actor', 'incident', 'attribution',
                           'evidence_item', 'custody_event', 'incident_evidence', 'claim', 'assessment',
                           'public_claim', 'list_import', 'victim_record', 'person', 'person_link',
                           'estimate'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
