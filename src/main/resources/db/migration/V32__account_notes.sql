-- Private notes a colleague keeps on another's account (Mastodon's account notes): shown to their
-- author only, as the note of the Relationship. An empty note is no row.
create table account_notes (
  network_id  bigint not null references networks (id),
  account_id  bigint not null references accounts (id),
  target_id   bigint not null references accounts (id),
  comment     text not null,
  updated_at  timestamptz not null,
  primary key (account_id, target_id)
);
