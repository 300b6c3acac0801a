-- Vault (issue 5): the leaf hash of every custody log entry mirrored in custody_event, so that
-- `sijill vault verify` can tie each database row to the exact bytes of its log entry
-- (RFC 9162 leaf hash SHA-256(0x00 || entry)). Append-only like the rest of the evidence trail.
create table custody_log_leaf (
  log_index    bigint      primary key check (log_index >= 0),
  leaf_hash    char(64)    not null check (leaf_hash ~ '^[0-9a-f]{64}$'),
  recorded_at  timestamptz not null default now()
);

create trigger custody_log_leaf_append_only before update or delete on custody_log_leaf
  for each row execute function sijill_append_only();
create trigger custody_log_leaf_no_truncate before truncate on custody_log_leaf
  for each statement execute function sijill_append_only();
