-- Live streams ask who bookmarked a post (their flags differ from everyone else's) once per event.
create index bookmarks_post_idx on bookmarks (post_id);
