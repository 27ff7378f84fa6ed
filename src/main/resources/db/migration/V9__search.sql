-- Search reads who reposted a post when it indexes the post; feeds' "reposts of" lookups use it too.
create index posts_reblog_of_idx on posts (reblog_of_id) where reblog_of_id is not null and deleted_at is null;
