-- The home feed merges the posts of widely followed authors (more followers than the fan-out limit) at
-- read time. Finding the reader's followees among them walked every row of follow_counts on each home
-- page; with this index it is one index probe (ADR 0036).
create index follow_counts_followers_idx on follow_counts (followers_count);
