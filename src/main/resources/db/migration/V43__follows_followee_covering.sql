-- An author's followers were read through follows_followee_idx and then, row by row, from the table:
-- every new post's fan-out and every live delivery visited one heap page per follower (1,249 pages for
-- an author with 10,000 followers). The index now carries the follower, so they are read from it alone.
create index follows_followee_cover_idx on follows (followee_id, id desc) include (follower_id);
drop index follows_followee_idx;
alter index follows_followee_cover_idx rename to follows_followee_idx;
