-- Links in posts, for trending links (search module). Each post's links are written down normalized
-- (lower-case scheme and host, no default port, no fragment, no tracking parameters) by a listener
-- after the post is created or edited; the post's audience, author and deletion are read from posts
-- when counting, so a link trend counts exactly the posts a trend may count.
create table post_links (
  post_id     bigint not null references posts (id) on delete cascade,
  network_id  bigint not null,
  url         text not null,
  created_at  timestamptz not null,
  primary key (post_id, url)
);
create index post_links_recent_idx on post_links (network_id, created_at);

-- The preview of a link (its page's title and description), fetched once when previews are on
-- (HALLWAY_LINK_PREVIEWS). Without a row, a link's card shows its domain.
create table link_cards (
  network_id   bigint not null references networks (id),
  url          text not null,
  title        text not null,
  description  text not null,
  fetched_at   timestamptz not null,
  primary key (network_id, url)
);
