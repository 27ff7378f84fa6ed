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
import org.hallway.groups.AddMembers;
import org.hallway.groups.CreateGroup;
import org.hallway.groups.Member;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index's audience filter gives exactly what {@link Visibility#canSee} allows, for every viewer
 * (the guest included) and every kind of post (company-wide, followers-only, direct, in public, private
 * and secret groups): search has no audience rule of its own.
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

    @Autowired
    CreateGroup createGroup;

    @Autowired
    AddMembers addMembers;

    @Test
    void searchFindsExactlyWhatVisibilityAllowsForEveryViewer() {
        followAccount.handle(p.eve.viewer(), p.tom.id());
        followAccount.handle(p.alice.viewer(), p.bob.id());
        var people = List.of(p.alice, p.bob, p.tom, p.eve, p.admin, p.gus);
        // Bob and the guest are in every group; tom only in the public one (by joining it).
        var groups = new ArrayList<Long>();
        for (var privacy : List.of("public", "private", "secret")) {
            var group = createGroup
                    .handle(p.alice.viewer(), new CreateGroup.Command("Axolotl " + privacy, "", privacy))
                    .id();
            addMembers.handle(p.alice.viewer(), group, List.of(p.bob.id(), p.gus.id()), Member.Role.MEMBER);
            groups.add(group);
        }
        addMembers.handle(p.alice.viewer(), groups.getFirst(), List.of(p.tom.id()), Member.Role.MEMBER);
        var posts = new HashMap<Long, Persona>();
        for (var author : people) {
            for (var vis : List.of("public", "unlisted", "private", "direct")) {
                if (author != p.gus && !vis.equals("direct"))
                    posts.put(write(author, "Axolotl update " + vis, vis), author);
                for (var mentioned : people) {
                    if (mentioned == author || (author == p.gus && !vis.equals("direct"))) continue;
                    // A guest's mention reaches only the people of their groups.
                    if (author == p.gus && !visibility.canSeeAccount(p.gus.viewer(), mentioned.id())) continue;
                    posts.put(
                            write(author, "@" + mentioned.account().username() + " axolotl note " + vis, vis), author);
                }
            }
        }
        for (var group : groups) {
            for (var author : List.of(p.alice, p.bob, p.gus)) {
                posts.put(inGroup(author, "Axolotl news in the group", group), author);
                // A mention never widens a group post.
                posts.put(inGroup(author, "@eve axolotl in the group", group), author);
            }
        }
        var deleted = write(p.bob, "Axolotl retracted", "public");
        deletePost.handle(p.bob.viewer(), deleted);
        posts.put(deleted, p.bob);

        // Every author finds their own live posts, and no longer the deleted one, once indexing caught up.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !found(p.bob).contains(deleted)
                        && people.stream().allMatch(author -> found(author)
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

    private long inGroup(Persona author, String text, long group) {
        return createPost
                .handle(author.viewer(), new CreatePost.Command(text, null, null, null, false, null, null, group))
                .id();
    }

    private long write(Persona author, String text, String vis) {
        return createPost
                .handle(author.viewer(), new CreatePost.Command(text, null, vis, null, false, null, null))
                .id();
    }
}
