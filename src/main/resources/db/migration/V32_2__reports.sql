-- Reports: a colleague reports another (and some of their posts) to the network's administrators,
-- who see open reports and resolve them. A report is never shown to the colleague reported.
create table reports (
  id               bigint primary key,
  network_id       bigint not null references networks (id),
  account_id       bigint not null references accounts (id),
  target_id        bigint not null references accounts (id),
  comment          text not null,
  category         text not null check (category in ('spam', 'legal', 'violation', 'other')),
  rule_ids         text[] not null default '{}',
  forward          boolean not null default false,
  created_at       timestamptz not null,
  resolved_at      timestamptz,
  resolved_by      bigint references accounts (id)
);
create index reports_open_idx on reports (network_id, id desc) where resolved_at is null;

create table report_posts (
  report_id  bigint not null references reports (id) on delete cascade,
  post_id    bigint not null references posts (id),
  primary key (report_id, post_id)
);

-- Administrators hear of each report (Mastodon's admin.report); the report's id is the source, so two
-- reports by the same colleague are two notifications.
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type in (
  'mention', 'reply', 'reblog', 'favourite', 'follow', 'status', 'update', 'poll',
  'group_invite', 'group_join_request', 'group_join_approved', 'group_removed', 'admin.report'));
drop index notifications_once_key;
create unique index notifications_once_key
  on notifications (account_id, type, actor_id, coalesce(post_id, 0), coalesce(group_id, 0),
                    coalesce(case when type = 'admin.report' then source_id end, 0));

update notification_settings
   set in_app = in_app || array['admin.report']
 where not ('admin.report' = any (in_app));
