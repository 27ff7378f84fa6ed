package org.hallway.api;

import java.util.List;
import java.util.Map;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.Context;
import org.hallway.api.entity.Status;
import org.hallway.api.entity.StatusEdit;
import org.hallway.audience.Visibility;
import org.hallway.identity.AccountStore;
import org.hallway.posts.BookmarkPost;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.posts.EditPost;
import org.hallway.posts.FindPosts;
import org.hallway.posts.LikePost;
import org.hallway.posts.ReactionStore;
import org.hallway.posts.ReadPostHistory;
import org.hallway.posts.RemoveBookmark;
import org.hallway.posts.RepostPost;
import org.hallway.posts.UndoRepost;
import org.hallway.posts.UnlikePost;
import org.hallway.scheduled.SchedulePost;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadThread;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Posting, reading, editing, deleting and reacting to posts (Mastodon's /api/v1/statuses). */
@RestController
class StatusesController {
    private final CreatePost createPost;
    private final EditPost editPost;
    private final DeletePost deletePost;
    private final FindPosts findPosts;
    private final ReadThread readThread;
    private final Reactions reactions;
    private final Presenter presenter;
    private final SchedulePost schedulePost;
    private final ReadPostHistory readHistory;
    private final ScheduledStatusPresenter scheduled;

    StatusesController(
            CreatePost createPost,
            EditPost editPost,
            DeletePost deletePost,
            FindPosts findPosts,
            ReadThread readThread,
            Reactions reactions,
            Presenter presenter,
            SchedulePost schedulePost,
            ReadPostHistory readHistory,
            ScheduledStatusPresenter scheduled) {
        this.scheduled = scheduled;
        this.schedulePost = schedulePost;
        this.readHistory = readHistory;
        this.createPost = createPost;
        this.editPost = editPost;
        this.deletePost = deletePost;
        this.findPosts = findPosts;
        this.readThread = readThread;
        this.reactions = reactions;
        this.presenter = presenter;
    }

    /** The reaction use cases, grouped so that this controller stays small. */
    @org.springframework.stereotype.Component
    record Reactions(
            LikePost like,
            UnlikePost unlike,
            RepostPost repost,
            UndoRepost undoRepost,
            BookmarkPost bookmark,
            RemoveBookmark removeBookmark,
            ReactionStore store,
            AccountStore accounts,
            Visibility audience) {}

    @PostMapping("/api/v1/statuses")
    Object create(Viewer viewer, Params params, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var command = new CreatePost.Command(
                params.string("status"),
                params.id("in_reply_to_id"),
                params.string("visibility"),
                params.string("spoiler_text"),
                params.bool("sensitive", false),
                params.string("language"),
                key,
                params.id("group_id"),
                PollParams.draft(params));
        // Compat(mastodon): with scheduled_at the answer is a ScheduledStatus, and nothing is posted yet.
        var media = MediaParams.forCreate(params);
        var scheduledAt = ScheduledStatusesController.time(params.string("scheduled_at"));
        if (scheduledAt != null) {
            var mediaIds = media.ids() == null ? List.<Long>of() : media.ids();
            return scheduled.entity(viewer, schedulePost.handle(viewer, scheduledAt, command, mediaIds));
        }
        var post = createPost.handle(viewer, command, media);
        return presenter.status(findPosts.require(viewer, post.id()));
    }

    @GetMapping("/api/v1/statuses/{id}")
    Status show(Viewer viewer, @PathVariable String id) {
        return presenter.status(viewer, "thread", findPosts.require(viewer, Ids.parse(id)));
    }

    @PutMapping("/api/v1/statuses/{id}")
    Status edit(Viewer viewer, @PathVariable String id, Params params) {
        var post = editPost.handle(
                viewer,
                Ids.parse(id),
                new EditPost.Command(
                        params.string("status"),
                        params.string("spoiler_text"),
                        params.boolOrNull("sensitive"),
                        params.string("language")),
                MediaParams.forEdit(params));
        return presenter.status(findPosts.require(viewer, post.id()));
    }

    @DeleteMapping("/api/v1/statuses/{id}")
    Status delete(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        var before = presenter.status(findPosts.require(viewer, postId));
        var deleted = deletePost.handle(viewer, postId);
        return before.withText(deleted.text());
    }

    @GetMapping("/api/v1/statuses/{id}/context")
    Context context(Viewer viewer, @PathVariable String id) {
        var thread = readThread.handle(viewer, Ids.parse(id));
        return new Context(
                presenter.statuses(viewer, "thread", thread.ancestors()),
                presenter.statuses(viewer, "thread", thread.descendants()));
    }

    @GetMapping("/api/v1/statuses/{id}/history")
    List<StatusEdit> history(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        var view = findPosts.require(viewer, postId);
        var author = presenter.account(view.author());
        var base = author.url().substring(0, author.url().indexOf("/@"));
        return readHistory.handle(viewer, postId).stream()
                .map(v -> new StatusEdit(
                        Presenter.absolutize(v.edit().html(), base),
                        v.edit().spoilerText(),
                        v.edit().sensitive(),
                        Presenter.time(v.edit().createdAt()),
                        author,
                        v.attachments().stream()
                                .map(a -> (Object) presenter
                                        .mediaAttachment(a.media(), viewer, base)
                                        .withDescription(a.description().isEmpty() ? null : a.description()))
                                .toList(),
                        List.of()))
                .toList();
    }

    @GetMapping("/api/v1/statuses/{id}/source")
    Map<String, Object> source(Viewer viewer, @PathVariable String id) {
        var view = findPosts.require(viewer, Ids.parse(id));
        return Map.of(
                "id",
                Long.toString(view.post().id()),
                "text",
                view.post().text(),
                "spoiler_text",
                view.post().spoilerText());
    }

    @PostMapping("/api/v1/statuses/{id}/favourite")
    Status favourite(Viewer viewer, @PathVariable String id) {
        return shown(viewer, reactions.like().handle(viewer, Ids.parse(id)).id());
    }

    @PostMapping("/api/v1/statuses/{id}/unfavourite")
    Status unfavourite(Viewer viewer, @PathVariable String id) {
        return shown(viewer, reactions.unlike().handle(viewer, Ids.parse(id)).id());
    }

    @PostMapping("/api/v1/statuses/{id}/reblog")
    Status reblog(Viewer viewer, @PathVariable String id) {
        return shown(viewer, reactions.repost().handle(viewer, Ids.parse(id)).id());
    }

    @PostMapping("/api/v1/statuses/{id}/unreblog")
    Status unreblog(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        var original = reactions.undoRepost().handle(viewer, postId);
        return shown(viewer, original.map(p -> p.id()).orElse(postId));
    }

    @PostMapping("/api/v1/statuses/{id}/bookmark")
    Status bookmark(Viewer viewer, @PathVariable String id) {
        return shown(viewer, reactions.bookmark().handle(viewer, Ids.parse(id)).id());
    }

    @PostMapping("/api/v1/statuses/{id}/unbookmark")
    Status unbookmark(Viewer viewer, @PathVariable String id) {
        return shown(
                viewer, reactions.removeBookmark().handle(viewer, Ids.parse(id)).id());
    }

    @GetMapping("/api/v1/statuses/{id}/favourited_by")
    List<Account> favouritedBy(Viewer viewer, @PathVariable String id, Params params) {
        var post = findPosts.require(viewer, Ids.parse(id)).shown().post();
        var ids = reactions
                .store()
                .accountsReacting(ReactionStore.Kind.FAVOURITE, post.id(), Math.min(params.integer("limit", 40), 80));
        return reactors(viewer, ids);
    }

    @GetMapping("/api/v1/statuses/{id}/reblogged_by")
    List<Account> rebloggedBy(Viewer viewer, @PathVariable String id, Params params) {
        var post = findPosts.require(viewer, Ids.parse(id)).shown().post();
        var ids = reactions.store().accountsReposting(post.id(), Math.min(params.integer("limit", 40), 80));
        return reactors(viewer, ids);
    }

    /** The people who reacted, as the reader may see them: a guest sees only the members of their groups. */
    private List<Account> reactors(Viewer viewer, List<Long> ids) {
        var people = new java.util.HashMap<>(reactions.accounts().findAll(viewer.networkId(), ids));
        var audience = reactions.audience();
        if (audience.isGuest(viewer)) people.keySet().retainAll(audience.visibleAccountsAmong(viewer, people.keySet()));
        return presenter.accounts(
                ids.stream().map(people::get).filter(java.util.Objects::nonNull).toList());
    }

    private Status shown(Viewer viewer, long postId) {
        return presenter.status(viewer, "thread", findPosts.require(viewer, postId));
    }
}
