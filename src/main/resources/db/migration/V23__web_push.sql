-- Web Push (push module): the server's VAPID key pair (one per installation, made on first use), the
-- subscriptions apps make for their access token, and the pushes waiting to be sent (a durable outbox
-- that a scheduled sender works through with retries).

create table push_server_keys (
  id           smallint primary key check (id = 1),
  public_key   text not null,
  private_key  text not null,
  token_key    text not null,
  created_at   timestamptz not null
);

create table push_subscriptions (
  id               bigint primary key,
  network_id       bigint not null references networks (id),
  account_id       bigint not null references accounts (id),
  token_hash       bytea not null unique,
  sealed_token     text not null,
  endpoint         text not null,
  p256dh           text not null,
  auth             text not null,
  alerts           text[] not null,
  policy           text not null check (policy in ('all', 'followed', 'follower', 'none')),
  standard         boolean not null default false,
  created_at       timestamptz not null
);
create index push_subscriptions_account_idx on push_subscriptions (account_id);

create table push_deliveries (
  id               bigint primary key,
  subscription_id  bigint not null references push_subscriptions (id) on delete cascade,
  notification_id  bigint not null,
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  created_at       timestamptz not null
);
create index push_deliveries_due_idx on push_deliveries (next_attempt_at);
