-- Video, audio and animated GIFs (media module): processed in the background after the upload answers.
-- status: 'processing' until the files exist, 'ready' then, 'failed' (with a reason) if they never will.
-- A preview (small_*) is a still image whose type may differ from the original's; audio has none.
alter table media_attachments drop constraint media_attachments_type_check;
alter table media_attachments add constraint media_attachments_type_check
  check (type in ('image', 'gifv', 'video', 'audio', 'unknown'));
alter table media_attachments
  add column status text not null default 'ready' check (status in ('processing', 'ready', 'failed')),
  add column error text,
  add column small_content_type text,
  add column duration double precision,
  add column frame_rate text,
  add column bitrate bigint;
update media_attachments set small_content_type = content_type;
-- The edit history (posts module) keeps which attachments each version had, by type and alt text,
-- since attachments an edit drops are removed with their files after a day.
alter table post_edits
  add column media_types text[] not null default '{}',
  add column media_descriptions text[] not null default '{}';
create index media_attachments_processing_idx on media_attachments (created_at) where status = 'processing';
