package org.hallway.posts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hallway.audience.Visibility;
import org.hallway.media.AttachMedia;
import org.hallway.media.Media;
import org.hallway.media.PostMedia;
import org.hallway.posts.internal.Composer;
import org.hallway.posts.internal.PostText;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The author changes a post's text. The first edit also records the original, so the history shows
 * every version, oldest first, as Mastodon's does.
 */
@Service
public class EditPost {
    public record Command(
            String text, @Nullable String spoilerText, @Nullable Boolean sensitive, @Nullable String language) {}

    private final PostStore posts;
    private final Visibility audience;
    private final Composer composer;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AttachMedia attachMedia;
    private final PostMedia postMedia;

    EditPost(
            PostStore posts,
            Visibility audience,
            Composer composer,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events,
            AttachMedia attachMedia,
            PostMedia postMedia) {
        this.attachMedia = attachMedia;
        this.postMedia = postMedia;
        this.posts = posts;
        this.audience = audience;
        this.composer = composer;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Post handle(Viewer editor, long postId, Command cmd) {
        return handle(editor, postId, cmd, AttachMedia.Command.NONE);
    }

    /** The same, also changing the attachments or their descriptions (media ids null: they stay). */
    @Transactional
    public Post handle(Viewer editor, long postId, Command cmd, AttachMedia.Command media) {
        audience.requireVisible(editor, postId);
        var post = posts.find(editor.networkId(), postId).orElseThrow(NotFoundException::record);
        if (post.authorId() != editor.accountId() || post.isReblog()) {
            throw new ForbiddenException("This action is not allowed");
        }
        var spoiler = cmd.spoilerText() == null
                ? post.spoilerText()
                : cmd.spoilerText().strip();
        var language = cmd.language() == null ? post.language() : Composer.normalizeLanguage(cmd.language());
        boolean hasMedia = attachMedia.willHaveMedia(editor, postId, media);
        var rendered = composer.compose(
                editor.networkId(),
                cmd.text(),
                spoiler,
                Optional.ofNullable(language),
                hasMedia,
                audience.mentionableBy(editor));
        var now = clock.instant();
        var before = postMedia.of(editor.networkId(), List.of(postId)).getOrDefault(postId, List.of());
        if (posts.edits(postId).isEmpty()) posts.insertEdit(ids.next(), post, post.createdAt(), noted(before));
        var edited = new Post(
                post.id(),
                post.networkId(),
                post.authorId(),
                post.visibility(),
                cmd.text() == null ? "" : cmd.text().strip(),
                rendered.html(),
                spoiler,
                cmd.sensitive() == null ? post.sensitive() || !spoiler.isEmpty() : cmd.sensitive(),
                language,
                post.inReplyToId(),
                post.inReplyToAccountId(),
                null,
                post.createdAt(),
                now,
                post.repliesCount(),
                post.reblogsCount(),
                post.favouritesCount(),
                post.groupId());
        // A direct message's mentions are its audience: an edit must not add or drop participants.
        var mentionIds = post.visibility() == PostVisibility.DIRECT
                ? posts.mentionIds(post.id())
                : rendered.mentions().stream()
                        .map(PostText.Mentioned::accountId)
                        .toList();
        posts.updateContent(edited, rendered.tags(), mentionIds);
        var after = media.ids() != null || !media.attributes().isEmpty()
                ? attachMedia.handle(editor, postId, media)
                : before;
        posts.insertEdit(ids.next(), edited, now, noted(after));
        events.publishEvent(new PostEdited(post.networkId(), post.id(), post.authorId()));
        return edited;
    }

    /** What the history keeps of a version's attachments. */
    private static List<PostStore.EditMedia> noted(List<Media> media) {
        return media.stream()
                .map(m -> new PostStore.EditMedia(m.type(), m.description() == null ? "" : m.description(), m.id()))
                .toList();
    }
}
