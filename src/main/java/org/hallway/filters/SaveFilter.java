package org.hallway.filters;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a filter, or changes one of the reader's filters: absent values stay as they are; keyword
 * changes name the keyword by id, and {@code destroy} removes it. Nothing is stored when anything is
 * invalid.
 */
@Service
public class SaveFilter {
    /** A keyword to add (no id), change (id) or remove (id and destroy). */
    public record KeywordChange(
            @Nullable Long id, @Nullable String keyword, @Nullable Boolean wholeWord, boolean destroy) {}

    public record Command(
            @Nullable String title,
            @Nullable List<String> contexts,
            @Nullable String action,
            @Nullable Long expiresInSeconds,
            boolean clearExpiry,
            List<KeywordChange> keywords) {}

    private final FilterStore filters;
    private final Ids ids;
    private final Clock clock;

    SaveFilter(FilterStore filters, Ids ids, Clock clock) {
        this.filters = filters;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Filter create(Viewer viewer, Command cmd) {
        if (cmd.title() == null) throw new InvalidInputException("title", "Validation failed: Title can't be blank");
        if (cmd.contexts() == null || cmd.contexts().isEmpty()) {
            throw new InvalidInputException("context", "Validation failed: Context can't be blank");
        }
        var now = clock.instant();
        var blank = new Filter(
                ids.next(), viewer.networkId(), viewer.accountId(), "", List.of(), "warn", null, now, List.of());
        return apply(blank, cmd);
    }

    @Transactional
    public Filter update(Viewer viewer, long filterId, Command cmd) {
        var filter = filters.find(viewer.accountId(), filterId).orElseThrow(NotFoundException::record);
        return apply(filter, cmd);
    }

    private Filter apply(Filter filter, Command cmd) {
        var title = cmd.title() == null ? filter.title() : cmd.title().strip();
        if (title.isEmpty()) throw new InvalidInputException("title", "Validation failed: Title can't be blank");
        if (title.length() > 256) throw new InvalidInputException("title", "Validation failed: Title is too long");
        var contexts = cmd.contexts() == null ? filter.contexts() : List.copyOf(cmd.contexts());
        if (contexts.isEmpty() || !Filter.CONTEXTS.containsAll(contexts)) {
            throw new InvalidInputException(
                    "context", "Validation failed: Context must be home, notifications, public, thread or account");
        }
        var action = cmd.action() == null ? filter.action() : cmd.action();
        if (!Filter.ACTIONS.contains(action)) {
            throw new InvalidInputException("filter_action", "Validation failed: Filter action must be warn or hide");
        }
        var expiresAt = filter.expiresAt();
        if (cmd.clearExpiry()) expiresAt = null;
        if (cmd.expiresInSeconds() != null) {
            if (cmd.expiresInSeconds() <= 0) {
                throw new InvalidInputException("expires_in", "Validation failed: expires_in must be positive");
            }
            expiresAt = clock.instant().plus(Duration.ofSeconds(cmd.expiresInSeconds()));
        }
        var keywords = new ArrayList<>(filter.keywords());
        for (var change : cmd.keywords()) {
            if (change.id() == null) {
                keywords.add(new Filter.Keyword(
                        ids.next(), keyword(change.keyword()), change.wholeWord() == null || change.wholeWord()));
                continue;
            }
            int at = -1;
            for (int i = 0; i < keywords.size(); i++) if (keywords.get(i).id() == change.id()) at = i;
            if (at < 0) throw new InvalidInputException("keywords_attributes", "Validation failed: unknown keyword");
            var old = keywords.get(at);
            if (change.destroy()) {
                keywords.remove(at);
            } else {
                keywords.set(
                        at,
                        new Filter.Keyword(
                                old.id(),
                                change.keyword() == null ? old.keyword() : keyword(change.keyword()),
                                change.wholeWord() == null ? old.wholeWord() : change.wholeWord()));
            }
        }
        var saved = new Filter(
                filter.id(),
                filter.networkId(),
                filter.accountId(),
                title,
                contexts,
                action,
                expiresAt,
                filter.createdAt(),
                List.copyOf(keywords));
        filters.save(saved);
        return saved;
    }

    private static String keyword(@Nullable String keyword) {
        var k = keyword == null ? "" : keyword.strip();
        if (k.isEmpty())
            throw new InvalidInputException("keywords_attributes", "Validation failed: Keyword can't be blank");
        if (k.length() > 200)
            throw new InvalidInputException("keywords_attributes", "Validation failed: Keyword is too long");
        return k;
    }
}
