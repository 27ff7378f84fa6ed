-- Progress of one-off backfills of the search module's derived tables, so that a backfill interrupted
-- by a restart resumes where it stopped. 'post_links': the links of posts written before links were
-- recorded (V18); last_id is the highest post id done, finished_at is set once every post is done.
create table search_backfills (
  name         text primary key,
  last_id      bigint not null default 0,
  finished_at  timestamptz
);
