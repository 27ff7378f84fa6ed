-- SCIM 2.0 provisioning: the identity provider's view of the colleagues it manages, and the
-- bearer tokens it authenticates with.

-- A colleague provisioned over SCIM: the accounts row holds what Hallway shows (name, e-mail, title,
-- department, manager, active, external_id, employee_number, phone); this row holds what only SCIM
-- needs: the userName exactly as the identity provider sent it and the name parts. deleted_at is set
-- by a SCIM DELETE: the account is deactivated (posts stay) and the resource answers 404 from then on.
create table scim_users (
  account_id   bigint primary key references accounts (id),
  network_id   bigint not null references networks (id),
  user_name    text not null,
  given_name   text not null default '',
  family_name  text not null default '',
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  deleted_at   timestamptz
);
create unique index scim_users_user_name_key on scim_users (network_id, lower(user_name));

-- Provisioning tokens an administrator created for an identity provider, kept only as SHA-256.
create table scim_tokens (
  id            bigint primary key,
  network_id    bigint not null references networks (id),
  name          text not null,
  token_hash    bytea not null unique,
  created_by    bigint references accounts (id),
  created_at    timestamptz not null,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index scim_tokens_network_idx on scim_tokens (network_id, id desc);
