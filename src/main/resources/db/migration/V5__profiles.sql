-- Profiles beyond the account row: the fields a colleague writes (Mastodon's fields_attributes),
-- the skills they declare, the typed fields an administrator defines and their values; and the
-- indexes that make people search fast enough for mention autocomplete.

-- Up to four name/value pairs a colleague writes, shown as Mastodon profile fields.
create table profile_fields (
  account_id  bigint not null references accounts (id),
  network_id  bigint not null,
  position    integer not null,
  name        text not null,
  value       text not null,
  primary key (account_id, position)
);

-- Skills and expertise a colleague declares, in hashtag form (lower-case), linked to tag pages.
create table profile_skills (
  account_id  bigint not null references accounts (id),
  network_id  bigint not null,
  skill       text not null,
  position    integer not null,
  primary key (account_id, skill)
);
create index profile_skills_skill_idx on profile_skills (network_id, skill text_pattern_ops);

-- Fields an administrator defines for every profile of the network.
create table profile_field_definitions (
  id             bigint primary key,
  network_id     bigint not null references networks (id),
  name           text not null,
  type           text not null check (type in ('text', 'link', 'date', 'person', 'choice')),
  choices        text[] not null default '{}',
  -- Filled by the company directory (LDAP, SCIM, OpenID Connect): read-only for directory-fed people.
  directory_fed  boolean not null default false,
  position       integer not null,
  created_at     timestamptz not null
);
create unique index profile_field_definitions_name_key on profile_field_definitions (network_id, lower(name));

create table profile_field_values (
  account_id     bigint not null references accounts (id),
  definition_id  bigint not null references profile_field_definitions (id) on delete cascade,
  network_id     bigint not null,
  value          text not null,
  primary key (account_id, definition_id)
);

-- Prefix search (as-you-type) on names, handles and work context: left-anchored LIKE uses these.
create index accounts_username_prefix_idx on accounts (network_id, lower(username) text_pattern_ops);
create index accounts_display_name_prefix_idx on accounts (network_id, lower(display_name) text_pattern_ops);
create index accounts_title_prefix_idx on accounts (network_id, lower(title) text_pattern_ops);
create index accounts_department_prefix_idx on accounts (network_id, lower(department) text_pattern_ops);
-- The directory's filters.
create index accounts_department_idx on accounts (network_id, lower(department));
create index accounts_location_idx on accounts (network_id, lower(location));

-- Word prefixes inside names ("Adams" in "Alice Adams") need a trigram index. pg_trgm ships with
-- PostgreSQL's contrib; where the server lacks it or the user may not create extensions, search
-- still works, scanning instead.
do $$
begin
  create extension if not exists pg_trgm;
  execute 'create index accounts_search_trgm_idx on accounts using gin ((lower(display_name || '' '' || title || '' '' || department)) gin_trgm_ops)';
exception when others then
  raise notice 'pg_trgm is not available; people search scans word prefixes';
end
$$;
