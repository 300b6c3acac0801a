-- The verification desk (issue 13): a verification record per evidence item in the three strands
-- of the Berkeley Protocol (source, technical, content analysis) with an overall judgement, and
-- the four-eyes workflow it goes through (new → assigned → in analysis → peer review → finalised).
--
-- Both tables are append-only like the rest of the case file. A record is never changed: a
-- revision is a new row with version + 1 that supersedes the one before (changing a finalised
-- record also carries the reason). Every change of status is a new verification_step row; the
-- latest step of an item is its status, and an item with no step is 'new'. V1's assessment table
-- stays as it is (the demo's older, single-line assessments remain readable there).

create table verification (
  id             bigserial   primary key,
  evidence_id    bigint      not null references evidence_item (id),
  version        int         not null check (version >= 1),
  judgement      text        not null check (judgement in ('authentic', 'misattributed', 'staged',
                                                           'manipulated', 'inconclusive')),
  reasons        text        not null check (length(reasons) > 0),
  -- {"source": {...}, "technical": {...}, "content": {...}}: see docs/verification.md
  strands        jsonb       not null,
  graphic        boolean     not null default false,
  personal_info  boolean     not null default false,
  supersedes     bigint      references verification (id),
  change_reason  text,
  -- SHA-256 of the record's canonical JSON; the custody log entry of the save carries the same
  record_sha256  char(64)    not null check (record_sha256 ~ '^[0-9a-f]{64}$'),
  recorded_at    timestamptz not null default now(),
  recorded_by    text        not null,
  unique (evidence_id, version),
  check ((version = 1) = (supersedes is null))
);

create table verification_step (
  id               bigserial   primary key,
  evidence_id      bigint      not null references evidence_item (id),
  verification_id  bigint      references verification (id),
  status           text        not null check (status in ('assigned', 'in_analysis', 'peer_review',
                                                          'finalised')),
  assignee         text,
  comment          text,
  recorded_at      timestamptz not null default now(),
  recorded_by      text        not null,
  check (status not in ('peer_review', 'finalised') or verification_id is not null)
);
create index verification_step_evidence on verification_step (evidence_id, id);

do $$
declare t text;
begin
  foreach t in array array['verification', 'verification_step'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
