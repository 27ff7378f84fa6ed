package org.hallway.directory;

import java.util.List;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's directory groups (from LDAP and SCIM), for an administrator choosing one to bind a group to. */
@Service
public class ListDirectoryGroups {
    private final DirectoryGroupStore groups;

    ListDirectoryGroups(DirectoryGroupStore groups) {
        this.groups = groups;
    }

    @Transactional(readOnly = true)
    public List<DirectoryGroupStore.Listed> handle(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("Only administrators see the directory's groups");
        return groups.list(viewer.networkId());
    }
}
