-- At start the search index catches up with what changed since its last commit (search module,
-- ADR 0072). New posts and likes are found by their primary keys, ids being made from the clock when
-- they are stored; edits and deletions, which are rare, by these two small indexes. The catch-up read
-- every post and every like before: over a second at start with a million posts.
create index posts_edited_idx on posts (edited_at) where edited_at is not null;
create index posts_deleted_idx on posts (deleted_at) where deleted_at is not null;
