package org.hallway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hallway.audience.Visibility;
import org.hallway.follow.FollowAccount;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index's audience filter gives exactly what {@link Visibility#canSee} allows, for every viewer
 * and every kind of post: search has no audience rule of its own.
 */
class SearchAudienceTest extends ApiTest {
    @Autowired
    SearchIndex index;

    @Autowired
    Visibility visibility;

    @Autowired
    CreatePost createPost;

    @Autowired
    DeletePost deletePost;

    @Autowired
    FollowAccount followAccount;

    @Test
    void searchFindsExactlyWhatVisibilityAllowsForEveryViewer() {
        followAccount.handle(p.eve.viewer(), p.tom.id());
        followAccount.handle(p.alice.viewer(), p.bob.id());
        var people = List.of(p.alice, p.bob, p.tom, p.eve, p.admin);
        var posts = new HashMap<Long, Persona>();
        for (var author : people) {
            for (var vis : List.of("public", "unlisted", "private")) {
                posts.put(write(author, "Axolotl update " + vis, vis), author);
                for (var mentioned : people) {
                    if (mentioned == author) continue;
                    posts.put(
                            write(author, "@" + mentioned.account().username() + " axolotl note " + vis, vis), author);
                }
            }
        }
        var deleted = write(p.bob, "Axolotl retracted", "public");
        deletePost.handle(p.bob.viewer(), deleted);
        posts.put(deleted, p.bob);

        // Every author finds their own live posts once indexing caught up.
        await().atMost(Duration.ofSeconds(15)).until(() -> people.stream().allMatch(author -> found(author)
                .containsAll(posts.entrySet().stream()
                        .filter(e -> e.getValue() == author && e.getKey() != deleted)
                        .map(Map.Entry::getKey)
                        .toList())));

        for (var viewer : people) {
            var expected = posts.keySet().stream()
                    .filter(id -> visibility.canSee(viewer.viewer(), id))
                    .collect(Collectors.toSet());
            assertThat(found(viewer)).as(viewer.account().username()).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(found(p.eve)).doesNotContain(deleted);
    }

    private List<Long> found(Persona viewer) {
        var hits = index.posts(visibility.audienceOf(viewer.viewer()), SearchQuery.parse("axolotl"), null, 1000);
        var ids = new ArrayList<Long>();
        hits.forEach(h -> ids.add(h.id()));
        return ids;
    }

    private long write(Persona author, String text, String vis) {
        return createPost
                .handle(author.viewer(), new CreatePost.Command(text, null, vis, null, false, null, null))
                .id();
    }
}
