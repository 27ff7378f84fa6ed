package org.hallway.web.admin;

import org.hallway.directory.SyncRunStore;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the directory-sync warning on the main administration page too, where administrators look first. */
@ControllerAdvice(assignableTypes = AdminController.class)
class DirectoryAlert {
    private final SyncRunStore runs;

    DirectoryAlert(SyncRunStore runs) {
        this.runs = runs;
    }

    @ModelAttribute("directoryAlert")
    String directoryAlert(Viewer viewer) {
        return DirectoryAdminController.alert(runs.latest(viewer.networkId(), 1));
    }
}
