-- Mutes and blocks between colleagues, posts pinned to a profile, threads muted for notifications.

-- A mute hides the target's posts and reposts from the muter's feeds, and with notifications = true
-- their notifications too, until expires_at (null: until unmuted). Read time compares expires_at with
-- now(), so an expired mute needs no job to end it. The id pages GET /api/v1/mutes.
create table mutes (
  id             bigint primary key,
  network_id     bigint not null references networks (id),
  account_id     bigint not null references accounts (id),
  target_id      bigint not null references accounts (id),
  notifications  boolean not null default true,
  expires_at     timestamptz,
  created_at     timestamptz not null,
  unique (account_id, target_id)
);

-- A block hides both colleagues' posts and notifications from each other (see ADR 0021): the feed
-- queries probe it from both sides, hence the second index.
create table blocks (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  account_id  bigint not null references accounts (id),
  target_id   bigint not null references accounts (id),
  created_at  timestamptz not null,
  unique (account_id, target_id)
);
create index blocks_target_idx on blocks (target_id, account_id);

-- Up to five of an author's own posts shown first on their profile.
create table status_pins (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  account_id  bigint not null references accounts (id),
  post_id     bigint not null references posts (id),
  created_at  timestamptz not null,
  unique (account_id, post_id)
);

-- A thread (named by its root post) whose replies no longer notify the colleague.
create table conversation_mutes (
  account_id  bigint not null references accounts (id),
  root_id     bigint not null references posts (id),
  network_id  bigint not null,
  created_at  timestamptz not null,
  primary key (account_id, root_id)
);
