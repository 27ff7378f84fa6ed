-- Groups whose membership follows a directory group (LDAP, mirrored by the sync, or SCIM). When the
-- directory group goes away, the Hallway group keeps its members and is no longer bound.
alter table groups drop constraint groups_directory_group_id_fkey;
alter table groups add constraint groups_directory_group_id_fkey
  foreign key (directory_group_id) references directory_groups (id) on delete set null;
create index groups_directory_group_idx on groups (directory_group_id) where directory_group_id is not null;
