-- Media attachments (media module): images uploaded by a colleague, attached to at most one post.
-- The files live in the data directory (<data dir>/media/<id>/); this row describes them.
create table media_attachments (
  id             bigint primary key,
  network_id     bigint not null references networks (id),
  account_id     bigint not null references accounts (id),
  -- Null until a post takes it; unattached media older than a day is removed by a scheduled job.
  post_id        bigint references posts (id),
  position       int not null default 0,
  type           text not null check (type in ('image', 'gifv', 'video', 'unknown')),
  content_type   text not null,
  description    text,
  focus_x        real not null default 0,
  focus_y        real not null default 0,
  width          int not null,
  height         int not null,
  size           bigint not null,
  small_width    int not null,
  small_height   int not null,
  small_size     bigint not null,
  blurhash       text,
  created_at     timestamptz not null
);
create index media_attachments_post_idx on media_attachments (post_id, position) where post_id is not null;
create index media_attachments_unattached_idx on media_attachments (created_at) where post_id is null;
