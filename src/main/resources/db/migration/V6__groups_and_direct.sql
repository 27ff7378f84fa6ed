-- Groups (public, private, secret), direct messages and guests: the audiences beyond the company
-- and one's followers. Visibility (org.hallway.audience) reads these tables inside every feed query.

-- Guests (partners, contractors) see only the groups they are invited into.
alter table accounts drop constraint accounts_role_check;
alter table accounts add constraint accounts_role_check check (role in ('member', 'admin', 'guest'));

create table groups (
  id                  bigint primary key,
  network_id          bigint not null references networks (id),
  name                text not null,
  description         text not null default '',
  -- public: anyone in the network reads and joins; private: listed, members read, joining needs
  -- approval or an invitation; secret: invisible to non-members, invitation only.
  privacy             text not null check (privacy in ('public', 'private', 'secret')),
  created_by          bigint not null references accounts (id),
  -- Membership follows this directory group when set.
  directory_group_id  bigint references directory_groups (id),
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  archived_at         timestamptz
);
create index groups_network_idx on groups (network_id, lower(name));

create table group_members (
  group_id    bigint not null references groups (id),
  account_id  bigint not null references accounts (id),
  network_id  bigint not null,
  role        text not null default 'member' check (role in ('member', 'admin')),
  created_at  timestamptz not null,
  primary key (group_id, account_id)
);
create index group_members_account_idx on group_members (account_id, group_id);

-- Requests to join a private group, waiting for a group administrator.
create table group_requests (
  group_id    bigint not null references groups (id),
  account_id  bigint not null references accounts (id),
  network_id  bigint not null,
  created_at  timestamptz not null,
  primary key (group_id, account_id)
);

-- A group post carries group_id and the visibility 'group'; a direct message the visibility
-- 'direct' and its participants as mentions.
alter table posts drop constraint posts_visibility_check;
alter table posts add constraint posts_visibility_check
  check (visibility in ('public', 'unlisted', 'private', 'group', 'direct'));
alter table posts add column group_id bigint references groups (id);
alter table posts add constraint posts_group_check check ((visibility = 'group') = (group_id is not null));
create index posts_group_idx on posts (group_id, id desc) where group_id is not null and deleted_at is null;

-- One row per participant and participant set: Mastodon's conversations are per account, so each
-- participant has their own unread state and may remove the conversation from their inbox.
create table conversations (
  id            bigint primary key,
  network_id    bigint not null,
  account_id    bigint not null references accounts (id),
  -- Everyone in the conversation, the owner included, sorted ascending.
  participants  bigint[] not null,
  last_post_id  bigint not null references posts (id),
  unread        boolean not null default false,
  updated_at    timestamptz not null,
  unique (account_id, participants)
);
create index conversations_account_idx on conversations (account_id, last_post_id desc);

-- Posts a group's administrators pinned to the top of the group page.
create table group_pins (
  group_id    bigint not null references groups (id),
  post_id     bigint not null references posts (id),
  network_id  bigint not null,
  created_at  timestamptz not null,
  primary key (group_id, post_id)
);
