-- The verification desk's incidents (issue 13, items 5–7): what an analyst records about an
-- incident besides its versioned row. Everything here is append-only like the rest of the trail.
-- Stands alone (migrations run out of order): it only adds columns and tables, and re-creates the
-- one view whose columns it extends.

-- A link may name a segment of a video: seconds from the start, both optional.
alter table incident_evidence add column segment_from double precision check (segment_from >= 0);
alter table incident_evidence add column segment_to double precision check (segment_to >= 0);
alter table incident_evidence add constraint incident_evidence_segment_order
  check (segment_from is null or segment_to is null or segment_from <= segment_to);

-- The evidence an attribution rests on.
create table attribution_evidence (
  id              bigserial   primary key,
  attribution_id  bigint      not null,
  evidence_id     bigint      not null references evidence_item (id),
  recorded_at     timestamptz not null default now(),
  recorded_by     text        not null
);
create index attribution_evidence_attribution on attribution_evidence (attribution_id);

-- Victim records, sources and other incidents an analyst links to an incident.
create table incident_link (
  id           bigserial   primary key,
  incident_id  bigint      not null,
  kind         text        not null check (kind in ('victim', 'source', 'incident')),
  target_id    bigint      not null,
  note         text,
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  check (kind <> 'incident' or target_id <> incident_id)
);
create index incident_link_incident on incident_link (incident_id);
create index incident_link_target on incident_link (kind, target_id);

-- A published figure as its claimant stated it ("about 9,000 killed on the coast"), and the
-- figure it names, beside the range public_claim already holds.
alter table public_claim add column stated_as text;
alter table public_claim add column figure int check (figure >= 0);
create or replace view public_claim_current as
  select distinct on (id) * from public_claim order by id, version desc;

do $$
declare t text;
begin
  foreach t in array array['attribution_evidence', 'incident_link'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
