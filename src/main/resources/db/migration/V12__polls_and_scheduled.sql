-- Polls attached to posts (polls module) and posts scheduled for later (scheduled module).

-- A post has at most one poll. Counters live on the row, so a page of posts reads its polls without
-- counting votes: option_votes[i] is the number of votes for options[i]; votes_count their sum;
-- voters_count the colleagues who voted (the same as votes_count unless the poll allows several choices).
-- ended_at is set once, by the job that tells the author and the voters the poll has ended.
create table polls (
  id            bigint primary key,
  network_id    bigint not null references networks (id),
  post_id       bigint not null unique references posts (id),
  author_id     bigint not null references accounts (id),
  options       text[] not null,
  option_votes  integer[] not null,
  multiple      boolean not null,
  hide_totals   boolean not null,
  expires_at    timestamptz not null,
  ended_at      timestamptz,
  votes_count   integer not null default 0,
  voters_count  integer not null default 0,
  created_at    timestamptz not null,
  check (cardinality(options) = cardinality(option_votes))
);
create index polls_due_idx on polls (expires_at) where ended_at is null;

-- One row per colleague and chosen option (several for a multiple-choice poll).
create table poll_votes (
  poll_id     bigint not null references polls (id),
  account_id  bigint not null references accounts (id),
  choice      smallint not null,
  network_id  bigint not null,
  created_at  timestamptz not null,
  primary key (poll_id, account_id, choice)
);
create index poll_votes_account_idx on poll_votes (account_id, poll_id);

-- Posts to publish later, with what CreatePost needs then. The job that publishes them locks due rows
-- (for update skip locked), publishes and deletes each in one transaction: each is published once, even
-- with several nodes running the job.
create table scheduled_posts (
  id                bigint primary key,
  network_id        bigint not null references networks (id),
  author_id         bigint not null references accounts (id),
  scheduled_at      timestamptz not null,
  text              text not null,
  visibility        text,
  in_reply_to_id    bigint,
  spoiler_text      text,
  sensitive         boolean not null default false,
  language          text,
  group_id          bigint,
  idempotency_key   text,
  poll_options      text[],
  poll_expires_in   integer,
  poll_multiple     boolean not null default false,
  poll_hide_totals  boolean not null default false,
  created_at        timestamptz not null
);
create index scheduled_posts_due_idx on scheduled_posts (scheduled_at);
create index scheduled_posts_author_idx on scheduled_posts (author_id, id desc);
