-- Notifications, read markers, notification settings, colleagues' last activity and the queue of
-- mails waiting to be sent to colleagues who are away. Owned by the notify module.

-- One row per (recipient, type, actor, post): liking twice, or a reply that also mentions, notifies
-- once. source_id is what caused it (the reply, the repost), so undoing the cause removes it.
create table notifications (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  account_id  bigint not null references accounts (id),
  type        text not null check (type in ('mention', 'reply', 'reblog', 'favourite', 'follow', 'status', 'update', 'poll')),
  actor_id    bigint not null references accounts (id),
  post_id     bigint references posts (id),
  source_id   bigint,
  created_at  timestamptz not null
);
create unique index notifications_once_key on notifications (account_id, type, actor_id, coalesce(post_id, 0));
create index notifications_account_idx on notifications (account_id, id desc);
create index notifications_post_idx on notifications (post_id) where post_id is not null;
create index notifications_source_idx on notifications (source_id) where source_id is not null;

-- Mastodon's read markers: where a colleague stopped reading each timeline.
create table markers (
  account_id    bigint not null references accounts (id),
  network_id    bigint not null,
  timeline      text not null check (timeline in ('home', 'notifications')),
  last_read_id  bigint not null,
  version       integer not null,
  updated_at    timestamptz not null,
  primary key (account_id, timeline)
);

-- Which notification types a colleague wants in the app and by mail, hours without mail, and the
-- digest mail. No row: the defaults (everything in the app, mentions by mail, no quiet hours, no digest).
create table notification_settings (
  account_id   bigint primary key references accounts (id),
  network_id   bigint not null,
  in_app       text[] not null,
  by_mail      text[] not null,
  quiet_from   time,
  quiet_until  time,
  time_zone    text not null default 'UTC',
  digest       text not null default 'off' check (digest in ('off', 'daily', 'weekly')),
  digest_sent_at timestamptz,
  updated_at   timestamptz not null
);
create index notification_settings_digest_idx on notification_settings (digest_sent_at) where digest <> 'off';

-- When a colleague last used Hallway (web or API), written at most once a minute per colleague.
create table account_activity (
  account_id      bigint primary key references accounts (id),
  network_id      bigint not null,
  last_active_at  timestamptz not null
);

-- Notifications waiting to be mailed to a colleague who was away when they arrived; one mail
-- collects all of a colleague's waiting rows.
create table pending_mails (
  notification_id  bigint primary key references notifications (id) on delete cascade,
  network_id       bigint not null,
  account_id       bigint not null references accounts (id),
  queued_at        timestamptz not null
);
create index pending_mails_account_idx on pending_mails (account_id, queued_at);
