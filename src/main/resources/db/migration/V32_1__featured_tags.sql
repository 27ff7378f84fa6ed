-- Hashtags a colleague features on their profile (Mastodon's featured tags), at most ten. The counts
-- shown with them are computed at read time over the posts the reader may see, never stored.
create table featured_tags (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  account_id  bigint not null references accounts (id),
  tag         text not null,
  created_at  timestamptz not null,
  unique (account_id, tag)
);
