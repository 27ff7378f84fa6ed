package org.hallway.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports a colleague (and some of their posts) to the administrators. The reporter must be able to see
 * the colleague and every post named (anything else answers "not found", so a report never confirms
 * that a hidden post exists); the posts must be the reported colleague's. The administrators hear of it
 * through {@link ReportFiled}; the reported colleague never does. Hallway has no other server to forward
 * a report to: {@code forward} is kept, as asked, and means nothing more.
 */
@Service
public class FileReport {
    public record Command(
            long targetId,
            List<Long> postIds,
            @Nullable String comment,
            @Nullable String category,
            List<String> ruleIds,
            boolean forward) {}

    private final ReportStore reports;
    private final Visibility audience;
    private final FindPosts posts;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FileReport(
            ReportStore reports,
            Visibility audience,
            FindPosts posts,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.reports = reports;
        this.audience = audience;
        this.posts = posts;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Report handle(Viewer reporter, Command cmd) {
        audience.requireAccountVisible(reporter, cmd.targetId());
        var postIds = new ArrayList<>(new LinkedHashSet<>(cmd.postIds()));
        for (long postId : postIds) {
            var post = posts.require(reporter, postId).post();
            if (post.authorId() != cmd.targetId())
                throw new InvalidInputException("status_ids", "The posts reported must be the reported colleague's");
        }
        if (cmd.targetId() == reporter.accountId())
            throw new InvalidInputException("account_id", "You can't report yourself");
        var comment = cmd.comment() == null ? "" : cmd.comment().strip();
        if (comment.codePointCount(0, comment.length()) > Report.MAX_COMMENT)
            throw new InvalidInputException(
                    "comment", "The comment is too long (at most " + Report.MAX_COMMENT + " characters)");
        var rules = cmd.ruleIds().stream()
                .filter(r -> r != null && !r.isBlank())
                .map(String::strip)
                .toList();
        var report = new Report(
                ids.next(),
                reporter.networkId(),
                reporter.accountId(),
                cmd.targetId(),
                comment,
                Report.category(cmd.category(), !rules.isEmpty()),
                rules,
                cmd.forward(),
                List.copyOf(postIds),
                clock.instant(),
                null,
                null);
        reports.insert(report);
        events.publishEvent(new ReportFiled(report.id(), report.networkId(), report.reporterId(), report.targetId()));
        return report;
    }
}
