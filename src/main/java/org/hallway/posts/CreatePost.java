package org.hallway.posts;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.hallway.audience.Visibility;
import org.hallway.groups.FindGroups;
import org.hallway.media.AttachMedia;
import org.hallway.polls.OpenPoll;
import org.hallway.polls.PollDraft;
import org.hallway.posts.internal.Composer;
import org.hallway.posts.internal.GroupCommit;
import org.hallway.posts.internal.PostText;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a post or a reply for its author, company-wide, to followers, into a group or as a direct
 * message, with a poll when the command carries one (opened by {@code polls} in the same transaction, so
 * a poll that breaks a rule stores no post). A reply never reaches further than what it answers: a reply to a group post stays in the
 * group, a reply to a direct message keeps its participants. Feeds (and later search and
 * notifications) react to {@link PostCreated} after commit.
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
            @Nullable String idempotencyKey,
            @Nullable Long groupId,
            @Nullable PollDraft poll) {

        public Command(
                String text,
                @Nullable Long inReplyToId,
                @Nullable String visibility,
                @Nullable String spoilerText,
                boolean sensitive,
                @Nullable String language,
                @Nullable String idempotencyKey,
                @Nullable Long groupId) {
            this(text, inReplyToId, visibility, spoilerText, sensitive, language, idempotencyKey, groupId, null);
        }

        public Command(
                String text,
                @Nullable Long inReplyToId,
                @Nullable String visibility,
                @Nullable String spoilerText,
                boolean sensitive,
                @Nullable String language,
                @Nullable String idempotencyKey) {
            this(text, inReplyToId, visibility, spoilerText, sensitive, language, idempotencyKey, null, null);
        }
    }

    private final PostStore posts;
    private final Visibility audience;
    private final Composer composer;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FindGroups groups;
    private final AttachMedia attachMedia;
    private final OpenPoll openPoll;
    private final GroupCommit groupCommit;
    private final TransactionTemplate transactions;

    CreatePost(
            PostStore posts,
            Visibility audience,
            Composer composer,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events,
            FindGroups groups,
            AttachMedia attachMedia,
            OpenPoll openPoll,
            GroupCommit groupCommit,
            PlatformTransactionManager transactionManager) {
        this.groupCommit = groupCommit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.attachMedia = attachMedia;
        this.posts = posts;
        this.openPoll = openPoll;
        this.groups = groups;
        this.audience = audience;
        this.composer = composer;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Post handle(Viewer author, Command cmd) {
        return handle(author, cmd, AttachMedia.Command.NONE);
    }

    /**
     * The same, with the author's uploads attached in the given order (a post with media may have no text).
     * A post without media or poll, outside any caller's transaction, is validated first and then stored
     * by the group commit with other requests' posts (ADR 0040); everything else in one transaction here.
     */
    public Post handle(Viewer author, Command cmd, AttachMedia.Command media) {
        boolean hasMedia = media.ids() != null && !media.ids().isEmpty();
        if (groupCommit.enabled()
                && !hasMedia
                && cmd.poll() == null
                && !TransactionSynchronizationManager.isActualTransactionActive()) {
            var draft = draft(author, cmd, false);
            if (draft.earlier() != null) return draft.earlier();
            return groupCommit.store(new GroupCommit.Pending(draft.post(), draft.event()));
        }
        return transactions.execute(status -> {
            var draft = draft(author, cmd, hasMedia);
            if (draft.earlier() != null) return draft.earlier();
            var post = draft.post().post();
            posts.insertAll(List.of(draft.post()));
            if (hasMedia) attachMedia.handle(author, post.id(), media);
            if (cmd.poll() != null) openPoll.handle(post.networkId(), post.id(), post.authorId(), cmd.poll());
            events.publishEvent(draft.event());
            events.publishEvent(new PostsCreated(List.of(draft.event())));
            return post;
        });
    }

    /** A validated post ready to store, or the post stored earlier under the same idempotency key. */
    private record Draft(PostStore.@Nullable NewPost post, @Nullable PostCreated event, @Nullable Post earlier) {}

    private Draft draft(Viewer author, Command cmd, boolean hasMedia) {
        var key = cmd.idempotencyKey() == null || cmd.idempotencyKey().isBlank()
                ? null
                : cmd.idempotencyKey().strip();
        if (key != null) {
            var earlier = posts.postForIdempotencyKey(author.accountId(), key)
                    .flatMap(id -> posts.find(author.networkId(), id));
            if (earlier.isPresent()) return new Draft(null, null, earlier.get());
        }
        var requested = PostVisibility.requested(cmd.visibility());
        Post parent = null;
        var groupId = cmd.groupId();
        if (cmd.inReplyToId() != null) {
            audience.requireVisible(author, cmd.inReplyToId());
            parent = posts.find(author.networkId(), cmd.inReplyToId()).orElseThrow(NotFoundException::record);
            if (parent.isReblog()) throw NotFoundException.record();
            groupId = groupOfReply(parent, groupId);
        }
        if (groupId != null) groups.requirePostable(author, groupId);
        else if (requested == PostVisibility.GROUP)
            throw new InvalidInputException("group_id", "Choose a group to post in");
        PostVisibility visibility;
        if (groupId != null) visibility = PostVisibility.GROUP;
        else if (parent == null) visibility = requested;
        else visibility = requested.narrowest(parent.visibility());
        if (groupId == null && visibility != PostVisibility.DIRECT && audience.isGuest(author))
            throw new InvalidInputException("visibility", "Guests post in their groups or send direct messages");
        var language = Composer.normalizeLanguage(cmd.language());
        var spoiler = cmd.spoilerText() == null ? "" : cmd.spoilerText().strip();
        var rendered = composer.compose(
                author.networkId(),
                cmd.text(),
                spoiler,
                Optional.ofNullable(language),
                hasMedia,
                audience.mentionableBy(author));
        // Microseconds, as PostgreSQL keeps them: the post kept in memory is the one stored.
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var post = new Post(
                ids.next(),
                author.networkId(),
                author.accountId(),
                visibility,
                cmd.text() == null ? "" : cmd.text().strip(),
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
                0,
                groupId);
        var mentionIds = mentioned(author, visibility, rendered.mentions(), parent);
        var newPost = new PostStore.NewPost(
                post,
                rendered.tags(),
                mentionIds,
                parent != null && countsAsReply(visibility, parent),
                visibility.counted(),
                key,
                hasMedia,
                cmd.poll() != null);
        var event = new PostCreated(
                post.networkId(),
                post.id(),
                post.authorId(),
                post.visibility(),
                null,
                post.inReplyToId(),
                rendered.tags(),
                mentionIds,
                groupId);
        return new Draft(newPost, event, null);
    }

    /** A reply to a group post stays in that group; a reply to anything else can't move into a group. */
    private static @Nullable Long groupOfReply(Post parent, @Nullable Long requested) {
        if (parent.groupId() == null) {
            if (requested != null)
                throw new InvalidInputException(
                        "group_id", "A reply stays where the post it answers is; post in the group instead");
            return null;
        }
        if (requested != null && !requested.equals(parent.groupId()))
            throw new InvalidInputException("group_id", "A reply stays in the group of the post it answers");
        return parent.groupId();
    }

    /**
     * The accounts the post mentions. A direct message's mentions are its participants: a reply keeps
     * everyone of the message it answers, and a message nobody receives is refused.
     */
    private List<Long> mentioned(
            Viewer author, PostVisibility visibility, List<PostText.Mentioned> mentions, @Nullable Post parent) {
        var ids = new LinkedHashSet<Long>();
        mentions.forEach(m -> ids.add(m.accountId()));
        if (visibility != PostVisibility.DIRECT) return List.copyOf(ids);
        if (parent != null && parent.visibility() == PostVisibility.DIRECT) {
            ids.add(parent.authorId());
            ids.addAll(posts.mentionIds(parent.id()));
        }
        ids.remove(author.accountId());
        if (ids.isEmpty())
            throw new InvalidInputException("status", "Mention at least one colleague to send a direct message");
        return List.copyOf(ids);
    }

    /** Whether a reply adds to its parent's reply count: not when the count would show a reply its readers can't see. */
    static boolean countsAsReply(PostVisibility reply, Post parent) {
        return reply.counted() || reply == parent.visibility();
    }
}
