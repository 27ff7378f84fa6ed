-- Outgoing webhooks that administrators configure, and their deliveries (a durable outbox that a
-- scheduled sender works through with retries). Owned by the webhooks module.
-- Replies by mail need no table: the reply address carries a signed token.

create table webhooks (
  id          bigint primary key,
  network_id  bigint not null references networks (id),
  url         text not null,
  secret      text not null,
  events      text[] not null,
  group_id    bigint,
  hashtag     text,
  created_by  bigint not null references accounts (id),
  created_at  timestamptz not null
);
create index webhooks_network_idx on webhooks (network_id);

create table webhook_deliveries (
  id               bigint primary key,
  network_id       bigint not null,
  webhook_id       bigint not null references webhooks (id) on delete cascade,
  event            text not null,
  payload          text not null,
  status           text not null check (status in ('pending', 'delivered', 'failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  last_status      integer,
  last_error       text,
  created_at       timestamptz not null,
  delivered_at     timestamptz
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_hook_idx on webhook_deliveries (webhook_id, id desc);

-- "While you were away" (notify module): when a colleague comes back after a long absence, from when
-- they were away, when they came back, and when they last looked at what they missed.
alter table account_activity
  add column away_from timestamptz,
  add column returned_at timestamptz,
  add column caught_up_at timestamptz;
