-- Evidence ingest (issue 11): the outcome of fingerprinting each item is a custody event of its
-- own ('fingerprinted', with "not fingerprinted: REASON" for a file that cannot be decoded), and
-- every earlier item that a newly ingested item matches is a row here, so that "seen before?" is
-- answered from the case file rather than from a file beside the media index.
alter table custody_event drop constraint custody_event_action_check;
alter table custody_event add constraint custody_event_action_check
  check (action in ('acquired', 'metadata_extracted', 'viewed', 'exported', 'assessed',
                    'linked_to_incident', 'annotated', 'imported', 'fingerprinted'));

create table near_duplicate (
  id             bigserial        primary key,
  -- the item being ingested, and the item that was already in the media index when it arrived
  evidence_id    bigint           not null references evidence_item (id),
  earlier_id     bigint           not null references evidence_item (id),
  verdict        text             not null check (verdict in ('same', 'near-duplicate', 'different')),
  -- closest pair of frames, in bits of the 256-bit PDQ hash (any rotation or mirror image)
  distance       integer          not null check (distance between 0 and 256),
  -- share of this item's frames found in the earlier one, and the other way round (1 for images)
  item_share     double precision not null check (item_share between 0 and 1),
  earlier_share  double precision not null check (earlier_share between 0 and 1),
  -- the copy acquired first (by acquired_at; the earlier item on a tie): a later ingest may
  -- carry an older acquisition date
  seen_first_id  bigint           not null references evidence_item (id),
  recorded_at    timestamptz      not null default now(),
  recorded_by    text             not null,
  check (evidence_id <> earlier_id),
  check (seen_first_id in (evidence_id, earlier_id)),
  unique (evidence_id, earlier_id)
);
create index near_duplicate_earlier on near_duplicate (earlier_id);

create trigger near_duplicate_append_only before update or delete on near_duplicate
  for each row execute function sijill_append_only();
create trigger near_duplicate_no_truncate before truncate on near_duplicate
  for each statement execute function sijill_append_only();
