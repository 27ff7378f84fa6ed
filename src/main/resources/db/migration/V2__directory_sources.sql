-- Where a colleague's identity comes from, so the company directory (LDAP, SCIM, OpenID Connect)
-- can create, update and deactivate accounts without touching those created by hand.

alter table accounts
  add column directory_source text not null default 'local'
    check (directory_source in ('local', 'ldap', 'scim', 'oidc')),
  -- The directory's stable id for the person: an LDAP objectGUID/entryUUID or DN, a SCIM
  -- externalId, an OpenID Connect subject.
  add column external_id      text,
  add column employee_number  text not null default '',
  add column phone            text not null default '';
create unique index accounts_external_id_key on accounts (network_id, directory_source, external_id)
  where external_id is not null;

-- Groups as the directory knows them (LDAP groups, SCIM Groups). Hallway's own groups and
-- departments may be bound to them.
create table directory_groups (
  id           bigint primary key,
  network_id   bigint not null references networks (id),
  source       text not null check (source in ('ldap', 'scim')),
  external_id  text not null,
  name         text not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create unique index directory_groups_external_key on directory_groups (network_id, source, external_id);

create table directory_group_members (
  group_id    bigint not null references directory_groups (id) on delete cascade,
  account_id  bigint not null references accounts (id),
  primary key (group_id, account_id)
);
create index directory_group_members_account_idx on directory_group_members (account_id);
