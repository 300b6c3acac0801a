-- V16: indexes for the web app under load (issue 16 item 6; docs/BENCHMARKS.md, "web app and API
-- under load"). Only adds indexes, so it stands alone and may run in any order.

-- The victims list and search show records by list, then line: with this index a page of a common
-- name (a third of a list shares it) is read in order and stops at the page's end instead of
-- sorting every match; the unfiltered list no longer sorts all records.
create index if not exists victim_record_page_order on victim_record (list_name, line_number);

-- The evidence list shows the most recently acquired first.
create index if not exists evidence_item_newest on evidence_item (acquired_at desc, id desc);
