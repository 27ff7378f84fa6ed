-- A post reaches a home feed once however it arrives (timeline module, ADR 0051). That was a unique
-- index on (account_id, post_id) over every row, the third index each fanned-out row paid for. For an
-- original, post_id is entry_id and the primary key already holds it once; only reposts need the pair.
-- The index now holds just the repost rows (about 5% of a feed): the fan-out writes one index fewer per
-- original, and statements that add a row check the other way round (an original whose repost is
-- there, a repost whose original is there) themselves.
drop index home_feed_post_key;
create unique index home_feed_repost_key on home_feed (account_id, post_id) where entry_id <> post_id;
