-- Incident desk (issue 13, item 5): an incident links victim *persons* (the linkage run's persons,
-- whose ids are kept from run to run), not only victim records. Stands alone (migrations run out
-- of order): it only widens one check; rows already stored keep their kinds and stay readable.
alter table incident_link drop constraint incident_link_kind_check;
alter table incident_link add constraint incident_link_kind_check
  check (kind in ('victim', 'source', 'incident', 'person'));
