package org.hallway.api;

import java.util.List;
import org.hallway.directory.ListDirectoryGroups;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hallway: the directory groups a group can be bound to ({@code directory_group_id} of a group). */
@RestController
class DirectoryGroupsController {
    /** A directory group: from {@code ldap} or {@code scim}, with its number of members. */
    record DirectoryGroup(String id, String name, String source, int membersCount) {}

    private final ListDirectoryGroups list;

    DirectoryGroupsController(ListDirectoryGroups list) {
        this.list = list;
    }

    @GetMapping("/api/v1/admin/directory_groups")
    List<DirectoryGroup> list(Viewer viewer) {
        return list.handle(viewer).stream()
                .map(g -> new DirectoryGroup(Long.toString(g.id()), g.name(), g.source(), g.membersCount()))
                .toList();
    }
}
