-- Incident desk (issue 13): links can be withdrawn, and every desk write is a custody-log entry.
-- Stands alone (migrations run out of order): it adds one table and widens one check.

-- A withdrawn evidence link, attribution, or victim/source/related-incident link. The link's own
-- row stays as it was (append-only); this row says it no longer holds, who said so, when and why.
create table link_withdrawal (
  id           bigserial   primary key,
  kind         text        not null check (kind in ('evidence', 'attribution', 'link')),
  -- incident_evidence.id, attribution.id or incident_link.id, as kind says
  link_id      bigint      not null,
  incident_id  bigint      not null,
  reason       text        not null check (length(btrim(reason)) > 0),
  recorded_at  timestamptz not null default now(),
  recorded_by  text        not null,
  unique (kind, link_id)
);
create index link_withdrawal_incident on link_withdrawal (incident_id);

create trigger link_withdrawal_append_only before update or delete on link_withdrawal
  for each row execute function sijill_append_only();
create trigger link_withdrawal_no_truncate before truncate on link_withdrawal
  for each statement execute function sijill_append_only();

-- Custody-log entries that tell of a desk write touching no item ('recorded', evidence_id null)
-- and of an item's link withdrawn ('unlinked_from_incident'). The check keeps every action any
-- earlier migration allowed.
alter table custody_event drop constraint custody_event_action_check;
alter table custody_event add constraint custody_event_action_check
  check (action in ('acquired', 'metadata_extracted', 'viewed', 'exported', 'assessed',
                    'linked_to_incident', 'annotated', 'imported', 'fingerprinted',
                    'unlinked_from_incident', 'recorded'));
