package org.hallway.directory;

import java.util.List;

/**
 * The members of these directory groups may have changed (an LDAP sync, a SCIM group change, a
 * colleague deleted over SCIM). Published inside the change's transaction, so that groups bound to
 * them follow in the same transaction: whoever left the directory group loses access at once.
 */
public record DirectoryGroupsChanged(long networkId, List<Long> directoryGroupIds) {}
