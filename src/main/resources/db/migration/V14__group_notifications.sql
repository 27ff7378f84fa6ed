-- Notifications about groups (an invitation, a request to join for the group's administrators, an
-- approval) name their group; colleagues may ask to hear of every post of someone they follow.

alter table notifications add column group_id bigint references groups (id) on delete cascade;
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in (
  'mention', 'reply', 'reblog', 'favourite', 'follow', 'status', 'update', 'poll',
  'group_invite', 'group_join_request', 'group_join_approved'));
-- The same request to join two groups is two notifications.
drop index notifications_once_key;
create unique index notifications_once_key
  on notifications (account_id, type, actor_id, coalesce(post_id, 0), coalesce(group_id, 0));

-- Saved settings list the types shown in the app; the types offered since then start shown.
update notification_settings
   set in_app = in_app || array(select t from unnest(array['status', 'group_invite', 'group_join_request',
                                  'group_join_approved']) t where t <> all (in_app));

-- Mastodon's "notify": the follower hears of each new post of the followee.
alter table follows add column notify boolean not null default false;
