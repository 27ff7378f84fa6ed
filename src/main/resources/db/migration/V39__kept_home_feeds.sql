-- Home feeds are kept for colleagues who read them (timeline module, ADR 0055). A post is fanned out
-- to the feeds listed here; anyone else's feed is rebuilt from their sources when they read again.
-- Every existing account starts kept, so nothing changes at the upgrade; feeds unread for the keep
-- period are let go from then on.
create table kept_home_feeds (
  account_id bigint primary key references accounts (id) on delete cascade,
  network_id bigint not null,
  read_at    timestamptz not null
);
create index kept_home_feeds_read_idx on kept_home_feeds (read_at);
insert into kept_home_feeds (account_id, network_id, read_at) select id, network_id, now() from accounts;
