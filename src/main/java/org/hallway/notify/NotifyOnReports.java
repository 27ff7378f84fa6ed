package org.hallway.notify;

import org.hallway.admin.ReportFiled;
import org.hallway.identity.AccountStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Every active administrator hears of a new report (Mastodon's {@code admin.report}); the reported colleague does not. */
@Component
class NotifyOnReports {
    private final NotifyColleague notify;
    private final AccountStore accounts;

    NotifyOnReports(NotifyColleague notify, AccountStore accounts) {
        this.notify = notify;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(ReportFiled event) {
        for (long admin : accounts.activeAdmins(event.networkId())) {
            // An administrator who is themselves reported does not hear of it.
            if (admin == event.targetId()) continue;
            notify.handle(
                    event.networkId(),
                    admin,
                    NotificationType.ADMIN_REPORT,
                    event.reporterId(),
                    null,
                    event.reportId());
        }
    }
}
