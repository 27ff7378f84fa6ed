package org.hallway.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hallway.identity.Account;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PostView;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * What a colleague missed since a post id, in the order that matters: direct messages and mentions
 * (and replies), then posts of the people and hashtags they follow, then what was popular in their
 * department, the latter two ranked by reactions; each post at most once, each checked against the
 * reader's audience. The digest mail and the "While you were away" page both show these. A digest run
 * asks for many readers at once: the two ranked sections are then one query each for the whole batch
 * ({@link DigestSource}), and each reader's posts are hydrated in one call.
 */
@Component
class CatchUpSections {
    /** The three sections. */
    record Sections(List<NotificationView> mentions, List<PostView> followed, List<PostView> department) {
        boolean isEmpty() {
            return mentions.isEmpty() && followed.isEmpty() && department.isEmpty();
        }
    }

    /** One reader of a batch and the post id their catch-up starts after. */
    record Request(Viewer reader, Account account, long sinceId) {}

    private final NotificationStore notifications;
    private final ReadNotifications reader;
    private final DigestSource source;
    private final FindPosts posts;

    CatchUpSections(NotificationStore notifications, ReadNotifications reader, DigestSource source, FindPosts posts) {
        this.notifications = notifications;
        this.reader = reader;
        this.source = source;
        this.posts = posts;
    }

    Sections since(Viewer r, Account account, long sinceId, int perSection) {
        return since(List.of(new Request(r, account, sinceId)), perSection).get(r.accountId());
    }

    /** The sections of every reader of the batch, by account id. */
    Map<Long, Sections> since(List<Request> batch, int perSection) {
        var byNetwork = new LinkedHashMap<Long, List<Request>>();
        for (var request : batch)
            byNetwork
                    .computeIfAbsent(request.reader().networkId(), n -> new ArrayList<>())
                    .add(request);
        var result = new HashMap<Long, Sections>();
        byNetwork.forEach((networkId, requests) -> {
            var readers = requests.stream()
                    .map(q -> new DigestSource.Reader(
                            q.reader().accountId(), q.sinceId(), q.account().department()))
                    .toList();
            var followed = source.fromFollowed(networkId, readers, perSection * 2);
            var department = source.popularInDepartment(networkId, readers, perSection * 2);
            for (var q : requests) {
                long id = q.reader().accountId();
                result.put(
                        id,
                        sections(
                                q,
                                followed.getOrDefault(id, List.of()),
                                department.getOrDefault(id, List.of()),
                                perSection));
            }
        });
        return result;
    }

    private Sections sections(Request q, List<Long> followedRanked, List<Long> departmentRanked, int perSection) {
        var r = q.reader();
        var mentions = reader.views(
                r,
                notifications.page(
                        r,
                        new NotificationStore.Filter(
                                EnumSet.of(NotificationType.MENTION, NotificationType.REPLY), null),
                        new PageRequest(null, q.sinceId(), null, perSection * 2)));
        var seen = new HashSet<Long>();
        mentions.stream()
                .map(m -> m.post() == null ? null : m.post().post().id())
                .filter(Objects::nonNull)
                .forEach(seen::add);
        var followedIds =
                followedRanked.stream().filter(seen::add).limit(perSection).toList();
        var departmentIds =
                departmentRanked.stream().filter(seen::add).limit(perSection).toList();
        // Both sections' posts in one hydration, then split back in each section's order.
        var ids = new ArrayList<Long>(followedIds);
        ids.addAll(departmentIds);
        var byId = new HashMap<Long, PostView>();
        if (!ids.isEmpty())
            for (var view : posts.hydrate(r, ids)) byId.put(view.post().id(), view);
        return new Sections(mentions, inOrder(followedIds, byId), inOrder(departmentIds, byId));
    }

    private static List<PostView> inOrder(List<Long> ids, Map<Long, PostView> byId) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
