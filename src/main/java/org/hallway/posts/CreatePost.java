package org.hallway.posts;

import java.time.Clock;
import java.util.Optional;
import org.hallway.audience.Visibility;
import org.hallway.posts.internal.Composer;
import org.hallway.posts.internal.PostText;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a post or a reply for its author. A reply never reaches further than what it answers.
 * Feeds (and later search and notifications) react to {@link PostCreated} after commit.
 */
@Service
public class CreatePost {
    public record Command(
            String text,
            @Nullable Long inReplyToId,
            @Nullable String visibility,
            @Nullable String spoilerText,
            boolean sensitive,
            @Nullable String language,
            @Nullable String idempotencyKey) {}

    private final PostStore posts;
    private final Visibility audience;
    private final Composer composer;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreatePost(
            PostStore posts,
            Visibility audience,
            Composer composer,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.posts = posts;
        this.audience = audience;
        this.composer = composer;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Post handle(Viewer author, Command cmd) {
        var key = cmd.idempotencyKey() == null || cmd.idempotencyKey().isBlank()
                ? null
                : cmd.idempotencyKey().strip();
        if (key != null) {
            var earlier = posts.postForIdempotencyKey(author.accountId(), key)
                    .flatMap(id -> posts.find(author.networkId(), id));
            if (earlier.isPresent()) return earlier.get();
        }
        var visibility = PostVisibility.of(cmd.visibility());
        Post parent = null;
        if (cmd.inReplyToId() != null) {
            audience.requireVisible(author, cmd.inReplyToId());
            parent = posts.find(author.networkId(), cmd.inReplyToId()).orElseThrow(NotFoundException::record);
            if (parent.isReblog()) throw NotFoundException.record();
            visibility = visibility.narrowest(parent.visibility());
        }
        var language = Composer.normalizeLanguage(cmd.language());
        var spoiler = cmd.spoilerText() == null ? "" : cmd.spoilerText().strip();
        var rendered = composer.compose(author.networkId(), cmd.text(), spoiler, Optional.ofNullable(language));
        var now = clock.instant();
        var post = new Post(
                ids.next(),
                author.networkId(),
                author.accountId(),
                visibility,
                cmd.text().strip(),
                rendered.html(),
                spoiler,
                cmd.sensitive() || !spoiler.isEmpty(),
                language,
                parent == null ? null : parent.id(),
                parent == null ? null : parent.authorId(),
                null,
                now,
                null,
                0,
                0,
                0);
        var mentionIds =
                rendered.mentions().stream().map(PostText.Mentioned::accountId).toList();
        posts.insert(post, rendered.tags(), mentionIds);
        if (parent != null) posts.adjustCounters(parent.id(), 1, 0, 0);
        posts.adjustAuthorStats(author.networkId(), author.accountId(), 1, now);
        if (key != null) posts.saveIdempotencyKey(author.accountId(), key, post.id(), now);
        events.publishEvent(new PostCreated(
                post.networkId(),
                post.id(),
                post.authorId(),
                post.visibility(),
                null,
                post.inReplyToId(),
                rendered.tags(),
                mentionIds));
        return post;
    }
}
