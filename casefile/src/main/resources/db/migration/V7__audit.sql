-- The audit trail and the second factor (issue 12, items 2 and 6).
--
-- audit_event: every read of a single item, every export, every failed login or rejected token,
-- every throttled request and every administrator's action: who, when, what, from which address.
-- Rows hold ids, never names of sources or witnesses; the free-text detail is sealed when the case
-- has keys. Like every table here it is append-only (the trigger below).
--
-- second_factor: a user's TOTP secret (RFC 6238), sealed at rest like other secrets. The latest row
-- of a user says its state: 'pending' (enrolment started, not yet confirmed with a code), 'active',
-- or 'reset' (an administrator removed it; no secret). second_factor_use keeps each time step a
-- code was accepted for, so one code cannot be used twice. totp_requirement: the latest row for a
-- user (or, with no user, for everyone) says whether a second factor is required.

create table audit_event (
  id           bigserial   primary key,
  kind         text        not null check (kind in ('read', 'export', 'login_failed', 'admin',
                                                    'throttled', 'second_factor')),
  actor        text        not null,
  action       text        not null,
  item_type    text,
  item_id      text,
  remote       text,
  detail       text,
  recorded_at  timestamptz not null default now()
);
create index audit_event_at on audit_event (recorded_at);
create index audit_event_actor on audit_event (actor, recorded_at);
create index audit_event_item on audit_event (item_type, item_id);

create table second_factor (
  id           bigserial   primary key,
  user_id      bigint      not null,
  state        text        not null check (state in ('pending', 'active', 'reset')),
  secret       text,
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now()
);
create index second_factor_user on second_factor (user_id, id);

create table second_factor_use (
  user_id      bigint      not null,
  step         bigint      not null,
  recorded_at  timestamptz not null default now(),
  primary key (user_id, step)
);

create table totp_requirement (
  id           bigserial   primary key,
  user_id      bigint,
  required     boolean     not null,
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['audit_event', 'second_factor', 'second_factor_use',
                           'totp_requirement'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
