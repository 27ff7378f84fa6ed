package org.hallway.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.MediaAttachment;
import org.hallway.api.entity.PreviewCard;
import org.hallway.api.entity.Status;
import org.hallway.audience.Visibility;
import org.hallway.follow.FollowStore;
import org.hallway.identity.Avatars;
import org.hallway.identity.SignedIn;
import org.hallway.media.Media;
import org.hallway.media.MediaUrls;
import org.hallway.media.PostMedia;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostView;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns domain objects into Mastodon's JSON shapes, loading what they need (counts, managers) in one
 * batch per page rather than one query per item.
 */
@Component
public class Presenter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final FollowStore follows;
    private final PostStore posts;
    private final Avatars avatars;
    private final BaseUrl baseUrl;
    private final ProfileFieldsPresenter profileFields;
    private final ProfileCards profileCards;
    private final Attachments attachments;

    /** The media of statuses: their rows for a page in one query, and the reader's file paths. */
    @Component
    record Attachments(PostMedia media, MediaUrls urls) {}

    /**
     * Whose media paths statuses carry when no request is signed in (streaming, notifications
     * rendered for an open connection). Empty: nobody's, paths for reader 0, which
     * {@link MediaUrls#forReader} turns into a connection's own.
     */
    private static final ScopedValue<Optional<Viewer>> READER = ScopedValue.newInstance();

    private final StatusMarks marks;
    private final AuthorCards cards;
    private final org.hallway.search.LinkCards linkCards;
    private final Visibility audience;

    Presenter(
            FollowStore follows,
            PostStore posts,
            Avatars avatars,
            BaseUrl baseUrl,
            ProfileFieldsPresenter profileFields,
            Attachments attachments,
            StatusMarks marks,
            AuthorCards cards,
            org.hallway.search.LinkCards linkCards,
            Visibility audience,
            ProfileCards profileCards) {
        this.audience = audience;
        this.profileCards = profileCards;
        this.cards = cards;
        this.linkCards = linkCards;
        this.attachments = attachments;
        this.profileFields = profileFields;
        this.marks = marks;
        this.follows = follows;
        this.posts = posts;
        this.avatars = avatars;
        this.baseUrl = baseUrl;
    }

    public static String time(@Nullable Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    public Account account(org.hallway.identity.Account a) {
        return accounts(List.of(a)).getFirst();
    }

    public List<Account> accounts(Collection<org.hallway.identity.Account> list) {
        if (list.isEmpty()) return List.of();
        var base = baseUrl.get();
        var ids = list.stream().map(org.hallway.identity.Account::id).toList();
        var counts = follows.counts(ids);
        var stats = posts.authorStats(ids);
        var parts = profileCards.of(list, base);
        // A guest learns only the people of their groups: anyone else a profile names is left out (ADR 0041).
        var named = new java.util.HashSet<Long>();
        for (var part : parts.values()) named.addAll(part.named());
        var reader = reader();
        LongPredicate mayName = reader.isEmpty() ? id -> true : audience.mayName(reader.get(), named);
        var result = new ArrayList<Account>(list.size());
        for (var a : list) {
            var c = counts.getOrDefault(a.id(), new FollowStore.Counts(0, 0));
            var s = stats.getOrDefault(a.id(), new PostStore.AuthorStats(0, null));
            var part = parts.get(a.id());
            var manager = part.manager() == null || !mayName.test(part.manager().id()) ? null : part.manager();
            var extra = part.fields().stream()
                    .filter(f -> f.names() == null || mayName.test(f.names()))
                    .map(ProfileCards.NamedField::field)
                    .toList();
            var url = base + "/@" + a.username();
            var guest = a.role() == org.hallway.identity.Account.Role.GUEST;
            var avatar = base + avatars.path(a.id());
            var header = base + Avatars.HEADER_PATH;
            result.add(new Account(
                    Long.toString(a.id()),
                    a.username(),
                    a.username(),
                    a.displayName(),
                    false,
                    false,
                    true,
                    false,
                    false,
                    time(a.createdAt()),
                    note(a.bio()),
                    url,
                    base + "/users/" + a.username(),
                    avatar,
                    avatar,
                    header,
                    header,
                    c.followers(),
                    c.following(),
                    s.statusesCount(),
                    s.lastStatusAt() == null ? null : DAY.format(s.lastStatusAt()),
                    List.of(),
                    fields(a, manager, base, extra),
                    guest ? List.of(Account.AccountRole.GUEST) : List.of(),
                    guest,
                    a.title(),
                    a.department(),
                    a.location(),
                    manager == null
                            ? null
                            : new Account.AccountRef(
                                    Long.toString(manager.id()),
                                    manager.username(),
                                    manager.username(),
                                    manager.displayName(),
                                    base + "/@" + manager.username()),
                    !a.active(),
                    null,
                    null));
        }
        return result;
    }

    /** The signed-in colleague's own account, with the editable source of the profile. */
    public Account credentialAccount(org.hallway.identity.Account a) {
        // Compat(mastodon): everyone has a role; colleagues without one get Mastodon's "everyone" role (-99).
        var role =
                a.admin() ? new Account.Role("3", "Admin", "", "1", true) : new Account.Role("-99", "", "", "0", false);
        var source = new Account.Source("public", false, "", a.bio(), profileFields.source(a), 0, false, true, false);
        return account(a).withSource(source, role);
    }

    public Status status(PostView view) {
        return statuses(List.of(view)).getFirst();
    }

    /**
     * Statuses as their reader sees them in a feed: also {@code pinned}, {@code muted} and {@code
     * filtered} by the reader's filters of {@code context} (home, notifications, public, thread, account).
     */
    public List<Status> statuses(Viewer viewer, String context, List<PostView> views) {
        return marks.apply(viewer, context, views, statuses(views));
    }

    public Status status(Viewer viewer, String context, PostView view) {
        return statuses(viewer, context, List.of(view)).getFirst();
    }

    public List<Status> statuses(List<PostView> views) {
        if (views.isEmpty()) return List.of();
        var people = new HashMap<Long, org.hallway.identity.Account>();
        for (var v : views) {
            people.put(v.author().id(), v.author());
            if (v.reblog() != null)
                people.put(v.reblog().author().id(), v.reblog().author());
        }
        var base = baseUrl.get();
        // The cards shared across readers are what colleagues see; a guest's are presented for them alone.
        var reader = reader();
        var entities = reader.isPresent() && audience.isGuest(reader.get())
                ? byId(accounts(people.values()).stream().map(cards::shared).toList())
                : cards.of(people.values(), base, this::accounts);
        var media = media(views, base);
        var previewCards = linkCards(views, base);
        var result = new ArrayList<Status>(views.size());
        for (var v : views) result.add(status(v, entities, base, media, previewCards));
        return result;
    }

    private static Map<Long, Account> byId(List<Account> entities) {
        var result = new HashMap<Long, Account>();
        for (var e : entities) result.put(Long.parseLong(e.id()), e);
        return result;
    }

    /** The link cards of all shown posts (originals of reposts included): none unless a post has a link. */
    private Map<Long, PreviewCard> linkCards(List<PostView> views, String base) {
        var texts = new HashMap<Long, String>();
        for (var v : views) {
            var shown = v.reblog() == null ? v : v.reblog();
            texts.put(shown.post().id(), shown.post().text());
        }
        var found = linkCards.of(views.getFirst().post().networkId(), texts);
        if (found.isEmpty()) return Map.of();
        var result = new HashMap<Long, PreviewCard>();
        found.forEach((postId, c) -> result.put(
                postId,
                PreviewCard.link(
                        c.url(),
                        c.title(),
                        c.description(),
                        c.domain(),
                        c.image() == null ? null : base + c.image().path(),
                        c.image() == null ? 0 : c.image().width(),
                        c.image() == null ? 0 : c.image().height(),
                        c.image() == null ? null : c.image().description(),
                        c.image() == null ? null : c.image().blurhash())));
        return result;
    }

    /** Runs {@code work} presenting media paths for the given reader (none: reader 0's, to be personalized). */
    public static <T> T asReader(@Nullable Viewer reader, java.util.function.Supplier<T> work) {
        return ScopedValue.where(READER, Optional.ofNullable(reader)).call(work::get);
    }

    /** A status rendered once for every stream, with its media paths made this reader's own. */
    public String mediaForReader(String rendered, Viewer reader) {
        return attachments.urls().forReader(rendered, reader);
    }

    private static Optional<Viewer> reader() {
        if (READER.isBound()) return READER.get();
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn s
                ? Optional.ofNullable(s.viewer())
                : Optional.empty();
    }

    /** The attachments of all shown posts (originals of reposts included), in one query. */
    private Map<Long, List<MediaAttachment>> media(List<PostView> views, String base) {
        var ids = new ArrayList<Long>();
        for (var v : views) {
            if (v.shown().hasMedia()) ids.add(v.shown().post().id());
        }
        if (ids.isEmpty()) return Map.of();
        var networkId = views.getFirst().post().networkId();
        var rows = attachments.media().of(networkId, ids);
        if (rows.isEmpty()) return Map.of();
        var reader = reader().orElse(new Viewer(0, networkId, false));
        var result = new HashMap<Long, List<MediaAttachment>>();
        rows.forEach((postId, list) -> result.put(
                postId, list.stream().map(m -> mediaAttachment(m, reader, base)).toList()));
        return result;
    }

    public MediaAttachment mediaAttachment(Media m, Viewer reader, String base) {
        var urls = attachments.urls();
        var small = urls.small(reader, m);
        return new MediaAttachment(
                Long.toString(m.id()),
                m.type(),
                m.ready() ? base + urls.original(reader, m) : null,
                m.ready() && small != null ? base + small : null,
                null,
                null,
                null,
                mediaMeta(m),
                m.description(),
                m.blurhash());
    }

    /** Mastodon's meta: sizes for images; length, duration, fps and bitrate too for video and audio. */
    private static MediaAttachment.Meta mediaMeta(Media m) {
        var focus = new MediaAttachment.Focus(m.focusX(), m.focusY());
        var small = m.smallContentType() == null || m.smallWidth() == 0
                ? null
                : MediaAttachment.Details.of(m.smallWidth(), m.smallHeight());
        if (!m.timed())
            return MediaAttachment.Meta.image(MediaAttachment.Details.of(m.width(), m.height()), small, focus);
        var duration = m.duration();
        var length = duration == null ? null : length(duration);
        if (m.type().equals("audio")) {
            var original = new MediaAttachment.Details(null, null, null, null, null, duration, m.bitrate());
            return new MediaAttachment.Meta(length, duration, null, null, null, null, null, original, null, null);
        }
        var sized = MediaAttachment.Details.of(m.width(), m.height());
        var original =
                new MediaAttachment.Details(m.width(), m.height(), null, null, m.frameRate(), duration, m.bitrate());
        Integer fps = m.frameRate() == null ? null : (int) Math.round(fps(m.frameRate()));
        return new MediaAttachment.Meta(
                length, duration, fps, sized.size(), m.width(), m.height(), sized.aspect(), original, small, focus);
    }

    /** "0:01:02.50", Mastodon's text for a duration. */
    private static String length(double seconds) {
        long whole = (long) seconds;
        return String.format(
                java.util.Locale.ROOT, "%d:%02d:%05.2f", whole / 3600, (whole / 60) % 60, seconds - (whole / 60) * 60);
    }

    private static double fps(String fraction) {
        var parts = fraction.split("/");
        try {
            double num = Double.parseDouble(parts[0]);
            double den = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return den == 0 ? 0 : num / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Status status(
            PostView v,
            Map<Long, Account> entities,
            String base,
            Map<Long, List<MediaAttachment>> media,
            Map<Long, PreviewCard> linkCards) {
        var p = v.post();
        var author = entities.get(v.author().id());
        var reblog = v.reblog() == null ? null : status(v.reblog(), entities, base, media, linkCards);
        var s = StatusStrings.of(v, base);
        return new Status(
                s.id(),
                s.uri(),
                s.url(),
                s.createdAt(),
                author,
                s.content(),
                visibility(p.visibility()),
                p.sensitive(),
                p.spoilerText(),
                List.copyOf(media.getOrDefault(p.id(), List.of())),
                null,
                s.mentions(),
                s.tags(),
                List.of(),
                p.reblogsCount(),
                p.favouritesCount(),
                p.repliesCount(),
                s.inReplyToId(),
                s.inReplyToAccountId(),
                reblog,
                v.poll() == null ? null : poll(v.poll()),
                linkCards.get(p.id()),
                p.language(),
                null,
                s.editedAt(),
                v.favourited(),
                v.reblogged(),
                false,
                v.bookmarked(),
                false,
                List.of(),
                s.groupId());
    }

    /** Mastodon's Poll as its reader sees it; counts stay null while the author hides them. */
    public static org.hallway.api.entity.Poll poll(org.hallway.polls.Poll p) {
        var options =
                new ArrayList<org.hallway.api.entity.Poll.Option>(p.options().size());
        for (int i = 0; i < p.options().size(); i++) {
            options.add(new org.hallway.api.entity.Poll.Option(
                    p.options().get(i), p.totalsShown() ? p.optionVotes().get(i) : null));
        }
        return new org.hallway.api.entity.Poll(
                Long.toString(p.id()),
                time(p.expiresAt()),
                p.expired(),
                p.multiple(),
                p.votesCount(),
                p.votersCount(),
                options,
                List.of(),
                p.voted(),
                p.ownVotes());
    }

    // Compat(mastodon): clients know four visibilities; a group post is limited to its group, which
    // apps show best as "private" (a lock, no boost button); group_id tells Hallway-aware clients more.
    private static String visibility(org.hallway.posts.PostVisibility v) {
        return v == org.hallway.posts.PostVisibility.GROUP ? "private" : v.code();
    }

    /** Stored HTML links within Hallway relatively; apps need absolute links. */
    public static String absolutize(String html, String base) {
        return html.replace("href=\"/", "href=\"" + base + "/");
    }

    private static String note(String bio) {
        if (bio == null || bio.isBlank()) return "";
        return "<p>" + HtmlUtils.htmlEscape(bio).replace("\n", "<br />") + "</p>";
    }

    private static List<Account.Field> fields(
            org.hallway.identity.Account a,
            ProfileCards.@Nullable Named manager,
            String base,
            List<Account.Field> extra) {
        var fields = new ArrayList<Account.Field>();
        if (!a.title().isBlank()) fields.add(new Account.Field("Title", HtmlUtils.htmlEscape(a.title()), null));
        if (!a.department().isBlank())
            fields.add(new Account.Field("Department", HtmlUtils.htmlEscape(a.department()), null));
        if (!a.location().isBlank())
            fields.add(new Account.Field("Location", HtmlUtils.htmlEscape(a.location()), null));
        if (manager != null) {
            fields.add(new Account.Field(
                    "Manager",
                    "<a href=\"" + base + "/@" + manager.username() + "\">"
                            + HtmlUtils.htmlEscape(manager.displayName()) + "</a>",
                    null));
        }
        fields.addAll(extra);
        return fields;
    }
}
