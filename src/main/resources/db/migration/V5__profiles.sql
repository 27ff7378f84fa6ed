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

-- People search (as-you-type, mention autocomplete) looks up words, not rows: every active
-- colleague's handle, full name, each word of the name, title and department (full and by word) and
-- skills, lower-cased, with what kind of match each is. A left-anchored LIKE on one btree index then
-- finds the candidates without evaluating lower() on every account. Triggers keep the terms in step
-- with accounts and skills, whoever writes them (a person, an administrator, LDAP or SCIM).
create table people_search_terms (
  network_id  bigint not null,
  account_id  bigint not null references accounts (id) on delete cascade,
  -- 0 handle, 1 full name, 2 a word of the name, 3 title or department (full or a word), 4 skill
  kind        smallint not null,
  term        text not null,
  -- The lower-cased display name, so results sort without reading accounts.
  name        text not null,
  primary key (account_id, kind, term)
);
create index people_search_terms_term_idx on people_search_terms (network_id, kind, term text_pattern_ops);

create function people_search_refresh(p_account bigint) returns void language sql as $$
  delete from people_search_terms where account_id = p_account;
  insert into people_search_terms (network_id, account_id, kind, term, name)
  select t.network_id, t.account_id, t.kind, t.term, (select lower(display_name) from accounts where id = p_account)
  from (
    select a.network_id, a.id as account_id, 0 as kind, lower(a.username) as term from accounts a where a.id = p_account and a.active
    union all
    select a.network_id, a.id, 1, lower(a.display_name) from accounts a where a.id = p_account and a.active
    union all
    select a.network_id, a.id, 2, w from accounts a, regexp_split_to_table(lower(a.display_name), '\s+') w
    where a.id = p_account and a.active
    union all
    select a.network_id, a.id, 3, lower(v) from accounts a, unnest(array[a.title, a.department]) v
    where a.id = p_account and a.active
    union all
    select a.network_id, a.id, 3, w from accounts a, unnest(array[a.title, a.department]) v,
      regexp_split_to_table(lower(v), '\s+') w
    where a.id = p_account and a.active
    union all
    select k.network_id, k.account_id, 4, k.skill from profile_skills k join accounts a on a.id = k.account_id
    where k.account_id = p_account and a.active
  ) t
  where t.term <> ''
  on conflict do nothing;
$$;

create function people_search_on_account() returns trigger language plpgsql as $$
begin
  perform people_search_refresh(new.id);
  return null;
end
$$;
create trigger people_search_account after insert or update of username, display_name, title, department, active
  on accounts for each row execute function people_search_on_account();

create function people_search_on_skill() returns trigger language plpgsql as $$
begin
  perform people_search_refresh(coalesce(new.account_id, old.account_id));
  return null;
end
$$;
create trigger people_search_skill after insert or delete on profile_skills
  for each row execute function people_search_on_skill();

select people_search_refresh(id) from accounts;

-- The directory's filters.
create index accounts_department_idx on accounts (network_id, lower(department));
create index accounts_location_idx on accounts (network_id, lower(location));
