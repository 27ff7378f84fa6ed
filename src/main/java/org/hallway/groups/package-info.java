/**
 * Groups: public (anyone in the network reads and joins), private (listed; members read; joining
 * needs an administrator's approval or an invitation) and secret (invisible to non-members;
 * invitation only); their members, administrators and join requests. Owns {@code groups},
 * {@code group_members}, {@code group_requests}. Who may see a group and its posts is decided by
 * {@link org.hallway.audience.Visibility}. Publishes {@link org.hallway.groups.MemberJoinedGroup} and
 * {@link org.hallway.groups.MemberLeftGroup}, and for notifications {@link
 * org.hallway.groups.MemberInvited}, {@link org.hallway.groups.JoinRequested} and {@link
 * org.hallway.groups.JoinRequestApproved}; posting into a group is {@code posts}' business, the group
 * feed and the fan-out to members {@code timeline}'s. A group bound to a directory group (its {@code
 * directory_group_id}) takes its members from the directory: consumes directory's {@link
 * org.hallway.directory.DirectoryGroupsChanged} synchronously, in the directory change's transaction.
 */
package org.hallway.groups;
