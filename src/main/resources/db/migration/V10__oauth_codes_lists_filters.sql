-- Sign-in through the browser for apps (OAuth authorization codes with PKCE, refresh tokens), lists
-- of colleagues with their own feed, and filters that warn about or hide posts.

-- An authorization code lives a few minutes and is exchanged once, by the app it was issued to, with
-- the redirect URI it was issued for. Stored only as its SHA-256, like tokens.
create table oauth_codes (
  id              bigint primary key,
  network_id      bigint not null references networks (id),
  account_id      bigint not null references accounts (id),
  app_id          bigint not null references oauth_apps (id),
  code_hash       bytea not null unique,
  redirect_uri    text not null,
  scopes          text not null,
  -- PKCE (RFC 7636): the S256 challenge the app sent to /oauth/authorize, null when it sent none.
  code_challenge  text,
  created_at      timestamptz not null,
  expires_at      timestamptz not null,
  used_at         timestamptz
);
create index oauth_codes_expiry_idx on oauth_codes (expires_at);

-- Tokens issued through the browser carry a refresh token (its hash), rotated at each refresh.
alter table oauth_tokens
  add column refresh_hash  bytea unique,
  add column last_used_at  timestamptz;

create table lists (
  id              bigint primary key,
  network_id      bigint not null references networks (id),
  account_id      bigint not null references accounts (id),
  title           text not null,
  replies_policy  text not null default 'list' check (replies_policy in ('followed', 'list', 'none')),
  exclusive       boolean not null default false,
  created_at      timestamptz not null
);
create index lists_account_idx on lists (account_id, id);

create table list_members (
  list_id     bigint not null references lists (id) on delete cascade,
  account_id  bigint not null references accounts (id),
  network_id  bigint not null,
  created_at  timestamptz not null,
  primary key (list_id, account_id)
);
create index list_members_account_idx on list_members (account_id);

create table filters (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  account_id  bigint not null references accounts (id),
  title       text not null,
  -- Where the filter applies: home, notifications, public, thread, account.
  contexts    text[] not null,
  action      text not null default 'warn' check (action in ('warn', 'hide')),
  expires_at  timestamptz,
  created_at  timestamptz not null
);
create index filters_account_idx on filters (account_id);

create table filter_keywords (
  id          bigint primary key,
  filter_id   bigint not null references filters (id) on delete cascade,
  keyword     text not null,
  whole_word  boolean not null default true
);
create index filter_keywords_filter_idx on filter_keywords (filter_id);
