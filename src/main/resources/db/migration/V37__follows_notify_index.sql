-- The followers who asked to be told of an author's every post (follow module). Without it the lookup
-- made for each new post read every follower row of the author through follows_followee_idx and then
-- dropped those without notify: 50,000 rows per post for an author with 50,000 followers. The partial
-- index holds only the notify rows, with the follower, so the lookup reads just those entries.
create index follows_notify_idx on follows (followee_id, follower_id) where notify;
