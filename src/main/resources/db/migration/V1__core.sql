-- Hallway core schema. Every row that belongs to a network carries network_id and every query
-- filters by it (tenancy; also the distribution column for scaling out).

create table networks (
  id          bigint primary key,
  name        text not null,
  created_at  timestamptz not null
);

create table accounts (
  id             bigint primary key,
  network_id     bigint not null references networks (id),
  username       text not null,
  email          text not null,
  password_hash  text,
  display_name   text not null,
  bio            text not null default '',
  title          text not null default '',
  department     text not null default '',
  location       text not null default '',
  manager_id     bigint references accounts (id),
  role           text not null default 'member' check (role in ('member', 'admin')),
  active         boolean not null default true,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  deactivated_at timestamptz
);
create unique index accounts_username_key on accounts (network_id, lower(username));
-- An e-mail address signs in to exactly one account, whatever the network.
create unique index accounts_email_key on accounts (lower(email));
create index accounts_manager_idx on accounts (network_id, manager_id);

-- Registered client applications (Mastodon's /api/v1/apps); they exist before anyone signs in,
-- so they belong to no network.
create table oauth_apps (
  id             bigint primary key,
  name           text not null,
  website        text,
  redirect_uris  text not null,
  scopes         text not null,
  client_id      text not null unique,
  client_secret  text not null,
  created_at     timestamptz not null
);

create table oauth_tokens (
  id           bigint primary key,
  network_id   bigint not null references networks (id),
  account_id   bigint references accounts (id),
  app_id       bigint not null references oauth_apps (id),
  token_hash   bytea not null unique,
  scopes       text not null,
  created_at   timestamptz not null,
  revoked_at   timestamptz
);
create index oauth_tokens_account_idx on oauth_tokens (account_id);

create table posts (
  id                      bigint primary key,
  network_id              bigint not null references networks (id),
  author_id               bigint not null references accounts (id),
  visibility              text not null check (visibility in ('public', 'unlisted', 'private')),
  text                    text not null,
  html                    text not null,
  spoiler_text            text not null default '',
  sensitive               boolean not null default false,
  language                text,
  in_reply_to_id          bigint references posts (id),
  in_reply_to_account_id  bigint references accounts (id),
  reblog_of_id            bigint references posts (id),
  created_at              timestamptz not null,
  edited_at               timestamptz,
  deleted_at              timestamptz,
  replies_count           integer not null default 0,
  reblogs_count           integer not null default 0,
  favourites_count        integer not null default 0
);
create index posts_author_idx on posts (network_id, author_id, id desc) where deleted_at is null;
create index posts_company_idx on posts (network_id, id desc)
  where deleted_at is null and visibility = 'public' and reblog_of_id is null;
create index posts_reply_idx on posts (in_reply_to_id) where in_reply_to_id is not null;
-- One repost per person per post.
create unique index posts_reblog_key on posts (author_id, reblog_of_id)
  where reblog_of_id is not null and deleted_at is null;

create table post_edits (
  id            bigint primary key,
  network_id    bigint not null,
  post_id       bigint not null references posts (id),
  text          text not null,
  html          text not null,
  spoiler_text  text not null,
  sensitive     boolean not null,
  created_at    timestamptz not null
);
create index post_edits_post_idx on post_edits (post_id, id);

create table post_tags (
  network_id  bigint not null,
  post_id     bigint not null references posts (id) on delete cascade,
  tag         text not null,
  primary key (post_id, tag)
);
create index post_tags_tag_idx on post_tags (network_id, tag, post_id desc);

create table post_mentions (
  network_id  bigint not null,
  post_id     bigint not null references posts (id) on delete cascade,
  account_id  bigint not null references accounts (id),
  primary key (post_id, account_id)
);
create index post_mentions_account_idx on post_mentions (account_id, post_id desc);

create table favourites (
  id          bigint primary key,
  network_id  bigint not null,
  account_id  bigint not null references accounts (id),
  post_id     bigint not null references posts (id),
  created_at  timestamptz not null,
  unique (account_id, post_id)
);
create index favourites_account_idx on favourites (account_id, id desc);
create index favourites_post_idx on favourites (post_id);

create table bookmarks (
  id          bigint primary key,
  network_id  bigint not null,
  account_id  bigint not null references accounts (id),
  post_id     bigint not null references posts (id),
  created_at  timestamptz not null,
  unique (account_id, post_id)
);
create index bookmarks_account_idx on bookmarks (account_id, id desc);

create table follows (
  id           bigint primary key,
  network_id   bigint not null,
  follower_id  bigint not null references accounts (id),
  followee_id  bigint not null references accounts (id),
  created_at   timestamptz not null,
  unique (follower_id, followee_id),
  check (follower_id <> followee_id)
);
create index follows_followee_idx on follows (followee_id, id desc);

create table tag_follows (
  network_id  bigint not null,
  account_id  bigint not null references accounts (id),
  tag         text not null,
  created_at  timestamptz not null,
  primary key (account_id, tag)
);
create index tag_follows_tag_idx on tag_follows (network_id, tag);

-- Home feeds, filled by fan-out on write and capped per reader. entry_id is the post shown (a repost
-- or an original); post_id is the original, so a post reaches a feed once however it arrives.
create table home_feed (
  account_id  bigint not null,
  entry_id    bigint not null,
  post_id     bigint not null,
  network_id  bigint not null,
  primary key (account_id, entry_id)
);
create unique index home_feed_post_key on home_feed (account_id, post_id);
create index home_feed_entry_idx on home_feed (entry_id);

create table idempotency_keys (
  account_id  bigint not null,
  key         text not null,
  post_id     bigint not null,
  created_at  timestamptz not null,
  primary key (account_id, key)
);

-- Counters kept beside the rows they count, updated in the same transaction.
create table author_stats (
  account_id      bigint primary key references accounts (id),
  network_id      bigint not null,
  statuses_count  integer not null default 0,
  last_status_at  timestamptz
);

create table follow_counts (
  account_id       bigint primary key references accounts (id),
  network_id       bigint not null,
  followers_count  integer not null default 0,
  following_count  integer not null default 0
);
