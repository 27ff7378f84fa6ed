package org.hallway.web.posts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hallway.media.AttachMedia;
import org.hallway.media.MediaLimits;
import org.hallway.media.ProcessMedia;
import org.hallway.media.UploadMedia;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.posts.EditPost;
import org.hallway.posts.FindPosts;
import org.hallway.scheduled.SchedulePost;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.web.Card;
import org.hallway.web.Cards;
import org.hallway.web.FeedPages;
import org.hallway.web.Form;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Writing and acting on posts. htmx requests get back just the piece of page that changed (the card,
 * or the compose box plus the new card); plain form posts are redirected to the post.
 */
@Controller
class PostController {
    private static final Map<String, String> FIELDS =
            Map.of("status", "text", "file", "media", "description", "media", "focus", "media", "media_ids", "media");

    private final SchedulePost schedule;

    private final CreatePost create;
    private final EditPost edit;
    private final DeletePost delete;
    private final PostActions actions;
    private final FindPosts find;
    private final Cards cards;
    private final UploadMedia upload;
    private final ProcessMedia processing;
    private final MediaLimits limits;

    /** How long posting waits for a video or audio to be converted before asking to try again. */
    private static final java.time.Duration PROCESSING_WAIT = java.time.Duration.ofMinutes(2);

    PostController(
            CreatePost create,
            EditPost edit,
            DeletePost delete,
            PostActions actions,
            FindPosts find,
            Cards cards,
            UploadMedia upload,
            ProcessMedia processing,
            SchedulePost schedule,
            MediaLimits limits) {
        this.schedule = schedule;
        this.limits = limits;
        this.upload = upload;
        this.processing = processing;
        this.create = create;
        this.edit = edit;
        this.delete = delete;
        this.actions = actions;
        this.find = find;
        this.cards = cards;
    }

    @PostMapping("/posts")
    String create(
            Viewer viewer,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "spoiler_text", defaultValue = "") String spoilerText,
            @RequestParam(defaultValue = "public") String visibility,
            @RequestParam(name = "in_reply_to", required = false) Long inReplyTo,
            @RequestParam(name = "group_id", required = false) Long groupId,
            @RequestParam(name = "group_name", required = false) String groupName,
            @RequestParam(name = "media", required = false) List<MultipartFile> media,
            @RequestParam(name = "media_alt", required = false) List<String> mediaAlt,
            @RequestParam(name = "poll_option", required = false) List<String> pollOptions,
            @RequestParam(name = "poll_duration", defaultValue = "86400") long pollDuration,
            @RequestParam(name = "poll_multiple", defaultValue = "false") boolean pollMultiple,
            @RequestParam(name = "scheduled_at", defaultValue = "") String scheduledAt,
            @RequestParam(name = "time_zone", defaultValue = "") String timeZone,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res)
            throws java.io.IOException {
        var form = Form.of(
                "text", text, "spoiler_text", spoilerText, "visibility", visibility, "scheduled_at", scheduledAt);
        var warning = spoilerText.isBlank() ? null : spoilerText;
        model.addAttribute("inReplyTo", inReplyTo);
        model.addAttribute("groupId", groupId);
        model.addAttribute("groupName", groupName);
        var command = new CreatePost.Command(
                text,
                inReplyTo,
                visibility,
                warning,
                false,
                null,
                null,
                groupId,
                PollForm.draft(pollOptions, pollDuration, pollMultiple));
        try {
            if (!scheduledAt.isBlank()) {
                // "Schedule for…": kept until its time, then published as the API's scheduled posts are;
                // the files are uploaded now and held for it.
                var at = ScheduledPagesController.instant(scheduledAt, timeZone);
                schedule.handle(viewer, at, command, upload(viewer, media, mediaAlt));
                if (!FeedPages.isHtmx(req)) return "redirect:/scheduled";
                res.setHeader("HX-Redirect", "/scheduled");
                model.addAttribute("compose", Form.of("visibility", visibility));
                return "fragments/compose";
            }
            var mediaIds = upload(viewer, media, mediaAlt);
            var post = create.handle(viewer, command, AttachMedia.Command.of(mediaIds));
            if (!FeedPages.isHtmx(req)) return "redirect:" + permalink(viewer, post.id());
            model.addAttribute("compose", Form.of("visibility", visibility));
            var created = cards.of(viewer, find.require(viewer, post.id()));
            model.addAttribute("created", created);
            model.addAttribute("audience", created.group());
            model.addAttribute("focus", true);
            return "fragments/compose-result";
        } catch (InvalidInputException e) {
            res.setStatus(422);
            model.addAttribute("audience", audience(viewer, groupId, inReplyTo));
            model.addAttribute(
                    "compose",
                    PollForm.keep(form, pollOptions, pollDuration, pollMultiple).withError(e, FIELDS));
            return FeedPages.isHtmx(req) ? "fragments/compose" : "pages/compose";
        }
    }

    /** The group a refused post was meant for, named again under the compose box shown with the error. */
    private Card.@Nullable GroupRef audience(Viewer viewer, @Nullable Long groupId, @Nullable Long inReplyTo) {
        var id = groupId;
        if (id == null && inReplyTo != null)
            id = find.require(viewer, inReplyTo).shown().post().groupId();
        return id == null ? null : cards.group(viewer, id).orElse(null);
    }

    /**
     * Uploads the chosen files with their descriptions (the form pairs each file with the text box
     * beside it). Video and audio are converted in the background; the post waits for them (the
     * composer shows "processing" meanwhile), so it is never refused for media still processing. A
     * post refused afterwards leaves them unattached, removed after a day.
     */
    private List<Long> upload(Viewer viewer, List<MultipartFile> files, List<String> alts) throws java.io.IOException {
        var ids = new ArrayList<Long>();
        if (files == null) return ids;
        for (int i = 0; i < files.size(); i++) {
            var file = files.get(i);
            if (file == null || file.isEmpty()) continue;
            var alt = alts != null && i < alts.size() ? alts.get(i) : null;
            limits.requireUploadable(file.getSize());
            var media = upload.handle(viewer, new UploadMedia.Command(file.getBytes(), alt, null));
            media = processing.awaitProcessed(media, PROCESSING_WAIT);
            if (media.processing())
                throw new InvalidInputException(
                        "file", "The " + media.type() + " is still being processed: post again in a minute");
            if (!media.ready())
                throw new InvalidInputException(
                        "file",
                        "The " + media.type() + " " + file.getOriginalFilename() + " could not be processed ("
                                + media.error() + ")");
            ids.add(media.id());
        }
        return ids;
    }

    @GetMapping("/posts/{id}/card")
    String card(Viewer viewer, @PathVariable long id, Model model) {
        return card(viewer, id, id, model);
    }

    @GetMapping("/posts/{id}/edit")
    String editForm(Viewer viewer, @PathVariable long id, Model model) {
        var card = cards.of(viewer, find.require(viewer, id));
        if (!card.mine() || card.reposter() != null) return card(viewer, id, id, model);
        model.addAttribute("card", card);
        model.addAttribute("form", Form.of("text", card.post().text()));
        return "fragments/edit-form";
    }

    @PostMapping("/posts/{id}/edit")
    String edit(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "media_edit", defaultValue = "false") boolean mediaEdit,
            @RequestParam(name = "keep_media", required = false) List<Long> keep,
            @RequestParam(name = "media", required = false) List<MultipartFile> media,
            @RequestParam(name = "media_alt", required = false) List<String> mediaAlt,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res)
            throws java.io.IOException {
        try {
            // The form lists the post's attachments with a "keep" box each and has fields to add more.
            var attach = AttachMedia.Command.NONE;
            if (mediaEdit) {
                var ids = new ArrayList<Long>(keep == null ? List.of() : keep);
                ids.addAll(upload(viewer, media, mediaAlt));
                attach = AttachMedia.Command.of(ids);
            }
            edit.handle(viewer, id, new EditPost.Command(text, null, null, null), attach);
        } catch (InvalidInputException e) {
            res.setStatus(422);
            model.addAttribute("card", cards.of(viewer, find.require(viewer, id)));
            model.addAttribute("form", Form.of("text", text).withError(e, FIELDS));
            return "fragments/edit-form";
        }
        return FeedPages.isHtmx(req) ? card(viewer, id, id, model) : "redirect:" + permalink(viewer, id);
    }

    @PostMapping("/posts/{id}/delete")
    String delete(Viewer viewer, @PathVariable long id, HttpServletRequest req, HttpServletResponse res) {
        delete.handle(viewer, id);
        if (!FeedPages.isHtmx(req)) return "redirect:/";
        // Deleting the post a page is about leaves nothing to show there.
        var referer = req.getHeader("HX-Current-URL");
        if (referer != null && referer.matches(".*/@[A-Za-z0-9_]+/" + id + "(\\?.*)?$"))
            res.setHeader("HX-Redirect", "/");
        return "fragments/empty";
    }

    @PostMapping("/posts/{id}/{action:like|unlike|repost|unrepost|bookmark|unbookmark}")
    String act(Viewer viewer, @PathVariable long id, @PathVariable String action, Model model, HttpServletRequest req) {
        var original = actions.apply(viewer, id, action);
        if (!FeedPages.isHtmx(req)) return "redirect:" + permalink(viewer, original);
        return card(viewer, id, original, model);
    }

    /** Redraws a card; falls back to the original when the card was the viewer's own repost, now undone. */
    private String card(Viewer viewer, long itemId, long originalId, Model model) {
        Supplier<org.hallway.posts.PostView> view = () -> {
            try {
                return find.require(viewer, itemId);
            } catch (NotFoundException e) {
                if (originalId == itemId) throw e;
                return find.require(viewer, originalId);
            }
        };
        model.addAttribute("card", cards.of(viewer, view.get()));
        return "fragments/card";
    }

    private String permalink(Viewer viewer, long postId) {
        var shown = find.require(viewer, postId).shown();
        return Cards.permalink(shown.author().username(), shown.post().id());
    }
}
