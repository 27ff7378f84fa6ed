-- A colleague whom the directory takes out of a bound group is told (ADR 0033).
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in (
  'mention', 'reply', 'reblog', 'favourite', 'follow', 'status', 'update', 'poll',
  'group_invite', 'group_join_request', 'group_join_approved', 'group_removed'));

-- Saved settings list the types shown in the app; the type offered since then starts shown.
update notification_settings
   set in_app = in_app || array['group_removed']
 where not ('group_removed' = any (in_app));
