-- Media in edit histories and scheduled posts (media, posts and scheduled modules).
-- An attachment an edit drops stays with its post, marked dropped, so the history can still show it
-- to the post's readers; it is neither the post's current media nor free to attach elsewhere.
alter table media_attachments
  add column dropped boolean not null default false,
  -- Held by a scheduled post until it is published or cancelled: not purged, not attachable elsewhere.
  add column scheduled_post_id bigint;
create index media_attachments_scheduled_idx on media_attachments (scheduled_post_id)
  where scheduled_post_id is not null;
-- Which uploads each version had, in order (null for versions recorded before this column existed).
alter table post_edits add column media_ids bigint[];
-- The uploads a scheduled post will carry, in order.
alter table scheduled_posts add column media_ids bigint[] not null default '{}';
