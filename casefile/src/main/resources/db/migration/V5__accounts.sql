-- Accounts, sessions and API tokens (issue 12).
--
-- The same rule as everywhere: nothing is updated or deleted. A password change, a new role or a
-- disabled account is a new version of app_user; a session or token is ended by a row in an
-- *_end table; failed logins are facts of record, counted for the lockout.
-- Secrets are never stored: passwords as Argon2id hashes (PHC string), session ids and API tokens
-- (256 random bits each) as their SHA-256.

-- Roles: viewer reads; analyst records; reviewer also reviews and finalises; admin manages users,
-- keys and exports. 'investigator' (V1's name) stays readable and counts as reviewer.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
  check (role in ('admin', 'reviewer', 'analyst', 'viewer', 'investigator'));
alter table app_user add column password_hash text;
-- The view's * was expanded when V1 created it: add the new column.
create or replace view app_user_current as
  select distinct on (id) * from app_user order by id, version desc;

create table login_attempt (
  id           bigserial   primary key,
  username     text        not null,
  succeeded    boolean     not null,
  remote       text,
  recorded_at  timestamptz not null default now()
);
create index login_attempt_username on login_attempt (username, recorded_at);

create table app_session (
  id           bigserial   primary key,
  id_hash      text        not null unique,
  user_id      bigint      not null,
  csrf         text        not null,
  expires_at   timestamptz not null,
  remote       text,
  recorded_at  timestamptz not null default now()
);

create table app_session_end (
  session_id   bigint      not null primary key references app_session (id),
  reason       text        not null,
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now()
);

create table api_token (
  id           bigserial   primary key,
  token_hash   text        not null unique,
  user_id      bigint      not null,
  expires_at   timestamptz,
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now()
);

create table api_token_end (
  token_id     bigint      not null primary key references api_token (id),
  reason       text        not null,
  recorded_by  text        not null,
  recorded_at  timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['login_attempt', 'app_session', 'app_session_end', 'api_token',
                           'api_token_end'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function sijill_append_only()',
                   t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function sijill_append_only()',
                   t || '_no_truncate', t);
  end loop;
end $$;
