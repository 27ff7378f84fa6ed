package org.hallway.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hallway.filters.MatchFilters;
import org.hallway.groups.GroupPrivacy;
import org.hallway.groups.GroupStore;
import org.hallway.identity.Avatars;
import org.hallway.media.MediaUrls;
import org.hallway.media.PostMedia;
import org.hallway.posts.PostView;
import org.hallway.search.LinkCards;
import org.hallway.shared.Caches;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns posts as the domain returns them into cards for the templates. */
@Component
public class Cards {
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH);

    private final Avatars avatars;
    private final Cache<Instant, Dates> dates =
            Caches.newBuilder().maximumSize(50_000).build();
    private final Clock clock;
    private final GroupStore groups;
    private final Pictures pictures;
    private final MatchFilters filters;

    /**
     * The images of cards: a page's attachments in one query, the viewer's own file paths, and the link
     * previews of a page's posts (two queries, none when no post has a link).
     */
    @Component
    record Pictures(PostMedia media, MediaUrls urls, LinkCards links) {}

    Cards(Avatars avatars, Clock clock, GroupStore groups, Pictures pictures, MatchFilters filters) {
        this.pictures = pictures;
        this.filters = filters;
        this.avatars = avatars;
        this.clock = clock;
        this.groups = groups;
    }

    public List<Card> of(Viewer viewer, List<PostView> views) {
        var refs = new HashMap<Long, Card.GroupRef>();
        for (var v : views) {
            var groupId = v.shown().post().groupId();
            if (groupId != null && !refs.containsKey(groupId))
                group(viewer, groupId).ifPresent(g -> refs.put(g.id(), g));
        }
        var shownIds = views.stream().map(v -> v.shown().post().id()).toList();
        var media = views.isEmpty()
                ? Map.<Long, List<org.hallway.media.Media>>of()
                : pictures.media().of(viewer.networkId(), shownIds);
        var texts = new HashMap<Long, String>();
        for (var v : views) texts.put(v.shown().post().id(), v.shown().post().text());
        var links = views.isEmpty()
                ? Map.<Long, LinkCards.Card>of()
                : pictures.links().of(viewer.networkId(), texts);
        return views.stream()
                .map(v -> of(
                        viewer,
                        v,
                        refs,
                        media.getOrDefault(v.shown().post().id(), List.of()),
                        links.get(v.shown().post().id())))
                .toList();
    }

    /** The group a compose box posts into, for its name and the audience hint under the box. */
    public Optional<Card.GroupRef> group(Viewer viewer, long groupId) {
        return groups.find(viewer.networkId(), groupId)
                .map(g -> new Card.GroupRef(g.id(), g.name(), g.privacy() == GroupPrivacy.PUBLIC));
    }

    /**
     * The cards of a page read in a filter context ({@code home}, {@code public}, {@code account},
     * {@code thread}): posts matching one of the reader's {@code hide} filters are left out, those
     * matching a {@code warn} filter are folded under its title. The reader's own posts are never
     * filtered.
     */
    public List<Card> of(Viewer viewer, List<PostView> views, String filterContext) {
        if (views.isEmpty()) return List.of();
        var shown = views.stream().map(v -> v.shown().post()).toList();
        var authors = shown.stream().map(p -> p.authorId()).toList();
        var matches =
                filters.handle(viewer, filterContext, authors, i -> shown.get(i).wording());
        var kept = new ArrayList<PostView>();
        var warnings = new ArrayList<String>();
        for (int i = 0; i < views.size(); i++) {
            var found = matches.get(i);
            if (found.stream().anyMatch(m -> m.filter().action().equals("hide"))) continue;
            kept.add(views.get(i));
            warnings.add(found.isEmpty() ? null : found.getFirst().filter().title());
        }
        var cards = of(viewer, kept);
        var result = new ArrayList<Card>(cards.size());
        for (int i = 0; i < cards.size(); i++)
            result.add(warnings.get(i) == null ? cards.get(i) : cards.get(i).filtered(warnings.get(i)));
        return result;
    }

    public Card of(Viewer viewer, PostView view) {
        return of(viewer, List.of(view)).getFirst();
    }

    private Card of(
            Viewer viewer,
            PostView view,
            Map<Long, Card.GroupRef> groupRefs,
            List<org.hallway.media.Media> media,
            LinkCards.@Nullable Card link) {
        var shown = view.shown();
        var reposter = view.reblog() == null ? null : view.author();
        return new Card(
                view.post().id(),
                shown,
                reposter,
                avatars.thumbnailPath(shown.author().id()),
                permalink(shown.author().username(), shown.post().id()),
                when(shown.post().createdAt()),
                shown.author().id() == viewer.accountId(),
                shown.post().groupId() == null
                        ? null
                        : groupRefs.get(shown.post().groupId()),
                media.stream()
                        .map(m -> new Card.Picture(
                                pictures.urls().small(viewer, m),
                                pictures.urls().original(viewer, m),
                                m.description() == null ? "" : m.description(),
                                m.timed() && m.width() > 0 ? m.width() : m.smallWidth(),
                                m.timed() && m.height() > 0 ? m.height() : m.smallHeight(),
                                m.type(),
                                m.id()))
                        .toList(),
                null,
                link);
    }

    public String avatar(long accountId) {
        return avatars.path(accountId);
    }

    public Card.When when(Instant at) {
        var now = clock.instant();
        var age = Duration.between(at, now);
        var fixed = dates.get(at, Cards::dates);
        String relative;
        if (age.toSeconds() < 60) relative = "now";
        else if (age.toMinutes() < 60) relative = age.toMinutes() + "m";
        else if (age.toHours() < 24) relative = age.toHours() + "h";
        else if (age.toDays() < 7) relative = age.toDays() + "d";
        else relative = fixed.year() == now.atZone(ZoneOffset.UTC).getYear() ? fixed.sameYear() : fixed.otherYear();
        return new Card.When(relative, fixed.iso(), fixed.full());
    }

    /** The texts of an instant that do not change as a post ages, formatted once (ADR 0044). */
    private record Dates(int year, String iso, String full, String sameYear, String otherYear) {}

    private static Dates dates(Instant at) {
        var utc = at.atZone(ZoneOffset.UTC);
        return new Dates(utc.getYear(), at.toString(), FULL.format(utc), SAME_YEAR.format(utc), OTHER_YEAR.format(utc));
    }

    public static String permalink(String username, long postId) {
        return "/@" + username + "/" + postId;
    }

    static String join(String... parts) {
        var sb = new StringBuilder();
        for (var p : parts) {
            if (p == null || p.isBlank()) continue;
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(p);
        }
        return sb.toString();
    }
}
