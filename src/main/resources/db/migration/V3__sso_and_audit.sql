-- Single sign-on, directory sync and the audit log.

-- Which network the configured identity sources (HALLWAY_LDAP_*, HALLWAY_OIDC_*) serve, when
-- HALLWAY_DIRECTORY_NETWORK does not say. At most one row; without it, the first network.
create table directory_binding (
  singleton   boolean primary key default true check (singleton),
  network_id  bigint not null references networks (id),
  updated_at  timestamptz not null
);

-- Per network: may colleagues still sign in with a password kept by Hallway itself?
create table sign_in_settings (
  network_id       bigint primary key references networks (id),
  local_passwords  boolean not null default true,
  updated_at       timestamptz not null
);

-- Every LDAP sync, with what it did or why it changed nothing.
create table directory_sync_runs (
  id           bigint primary key,
  network_id   bigint not null references networks (id),
  trigger      text not null check (trigger in ('scheduled', 'manual')),
  outcome      text not null check (outcome in ('succeeded', 'failed', 'refused')),
  started_at   timestamptz not null,
  finished_at  timestamptz not null,
  seen         integer not null default 0,
  created      integer not null default 0,
  updated      integer not null default 0,
  deactivated  integer not null default 0,
  message      text not null default ''
);
create index directory_sync_runs_network_idx on directory_sync_runs (network_id, id desc);

-- What happened to whom, for administrators: sign-ins, failures, accounts the directory made,
-- syncs, deactivations, revoked tokens.
create table audit_log (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  at          timestamptz not null,
  action      text not null,
  actor_id    bigint references accounts (id),
  subject_id  bigint references accounts (id),
  detail      text not null default ''
);
create index audit_log_network_idx on audit_log (network_id, id desc);
