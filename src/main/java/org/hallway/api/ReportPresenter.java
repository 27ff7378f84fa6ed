package org.hallway.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hallway.api.entity.AdminAccount;
import org.hallway.api.entity.AdminReport;
import org.hallway.api.entity.Report;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reports as Mastodon's Report (for the reporter and in notifications) and Admin::Report entities. */
@Component
class ReportPresenter {
    private final AccountStore accounts;
    private final FindPosts posts;
    private final Presenter presenter;
    private final String locale;

    ReportPresenter(
            AccountStore accounts,
            FindPosts posts,
            Presenter presenter,
            @Value("${hallway.push.locale:en}") String locale) {
        this.accounts = accounts;
        this.posts = posts;
        this.presenter = presenter;
        this.locale = locale;
    }

    Report report(org.hallway.admin.Report r) {
        var target = accounts.find(r.networkId(), r.targetId()).orElseThrow();
        return new Report(
                Long.toString(r.id()),
                r.resolved(),
                r.resolvedAt() == null ? null : Presenter.time(r.resolvedAt()),
                r.category(),
                r.comment(),
                r.forward(),
                Presenter.time(r.createdAt()),
                r.postIds().stream().map(String::valueOf).toList(),
                r.ruleIds(),
                presenter.account(target));
    }

    /**
     * The report as an administrator handles it. Its posts are those the administrator may see: a
     * report does not open a followers-only post or a secret group to them.
     */
    List<AdminReport> adminReports(Viewer admin, List<org.hallway.admin.Report> reports) {
        var ids = new ArrayList<Long>();
        for (var r : reports) {
            ids.add(r.reporterId());
            ids.add(r.targetId());
            if (r.resolvedBy() != null) ids.add(r.resolvedBy());
        }
        var people = accounts.findAll(admin.networkId(), ids.stream().distinct().toList());
        var presented = new HashMap<Long, AdminAccount>();
        people.values().forEach(a -> presented.put(a.id(), adminAccount(a)));
        var result = new ArrayList<AdminReport>(reports.size());
        for (var r : reports) {
            var statuses = presenter.statuses(admin, "admin", posts.hydrate(admin, r.postIds()));
            result.add(new AdminReport(
                    Long.toString(r.id()),
                    r.resolved(),
                    r.resolvedAt() == null ? null : Presenter.time(r.resolvedAt()),
                    r.category(),
                    r.comment(),
                    r.forward(),
                    Presenter.time(r.createdAt()),
                    Presenter.time(r.resolvedAt() == null ? r.createdAt() : r.resolvedAt()),
                    presented.get(r.reporterId()),
                    presented.get(r.targetId()),
                    null,
                    Optional.ofNullable(r.resolvedBy()).map(presented::get).orElse(null),
                    statuses,
                    List.of()));
        }
        return result;
    }

    private AdminAccount adminAccount(Account a) {
        var role = a.role().code();
        return new AdminAccount(
                Long.toString(a.id()),
                a.username(),
                null,
                Presenter.time(a.createdAt()),
                a.email(),
                null,
                List.of(),
                locale,
                null,
                new AdminAccount.Role(
                        role, role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1), "", "0", false),
                true,
                true,
                !a.active(),
                false,
                false,
                presenter.account(a));
    }
}
