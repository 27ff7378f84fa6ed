-- A kept home feed owes a rebuild from the moment it is kept until its rebuild has committed (timeline
-- module, ADR 0073): the next read rebuilds a feed whose rebuild was lost in a crash. Both the note of a
-- read and the rebuild then commit without waiting for their WAL flush. Every feed kept so far is whole.
alter table kept_home_feeds add column rebuild_owed boolean not null default false;
