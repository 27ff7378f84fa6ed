package org.hallway.web.groups;

import java.util.List;
import org.hallway.groups.Group;
import org.hallway.groups.Membership;
import org.hallway.identity.Account;

/** What the group page shows besides its feed: the group, the reader's standing, members and pending requests. */
public record GroupPage(
        Group group,
        Membership membership,
        List<MemberRow> members,
        List<MemberRow> requests,
        boolean canManage,
        @org.jspecify.annotations.Nullable String directoryGroup) {

    /** A member or a requester as the page lists them. */
    public record MemberRow(Account account, String avatar, boolean admin) {
        public boolean guest() {
            return account.role() == Account.Role.GUEST;
        }
    }

    public String href() {
        return "/groups/" + group.id();
    }

    /** Whether members come from a directory group, so nobody joins, leaves or is added by hand (ADR 0033). */
    public boolean bound() {
        return group.directoryGroupId() != null;
    }

    /** Whether the reader may leave: not a member the directory put here (administrators may). */
    public boolean canLeave() {
        return membership.member() && (!bound() || membership.admin());
    }

    /** Whether an administrator may remove this member by hand: in a bound group, only another administrator. */
    public boolean removable(MemberRow member) {
        return canManage && (!bound() || member.admin());
    }

    /** The group as the compose box names its audience. */
    public org.hallway.web.Card.GroupRef audience() {
        return new org.hallway.web.Card.GroupRef(
                group.id(), group.name(), group.privacy() == org.hallway.groups.GroupPrivacy.PUBLIC);
    }

    public String privacyLabel() {
        return switch (group.privacy()) {
            case PUBLIC -> "Public group: anyone in the company can read and join";
            case PRIVATE -> "Private group: members read; joining needs approval";
            case SECRET -> "Secret group: only members know it exists";
        };
    }

    public String privacyName() {
        return switch (group.privacy()) {
            case PUBLIC -> "Public";
            case PRIVATE -> "Private";
            case SECRET -> "Secret";
        };
    }

    public boolean canPost() {
        return membership.member() && !group.archived();
    }
}
