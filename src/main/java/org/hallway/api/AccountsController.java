package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.Relationship;
import org.hallway.api.entity.Status;
import org.hallway.audience.Visibility;
import org.hallway.directory.EditProfile;
import org.hallway.directory.ReadOrgChart;
import org.hallway.directory.SearchPeople;
import org.hallway.follow.ChangePostNotifications;
import org.hallway.follow.FollowAccount;
import org.hallway.follow.FollowStore;
import org.hallway.follow.UnfollowAccount;
import org.hallway.identity.AccountStore;
import org.hallway.identity.ChangeAvatar;
import org.hallway.identity.PreferredLocale;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadProfileFeed;
import org.hallway.timeline.ReadProfilePins;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Colleagues' accounts, their posts and follow graph, and following them (Mastodon's /api/v1/accounts). */
@RestController
class AccountsController {
    private final AccountStore accounts;
    private final FollowStore follows;
    private final FollowAccount followAccount;
    private final UnfollowAccount unfollowAccount;
    private final ChangePostNotifications changePostNotifications;
    private final EditProfile editProfile;
    private final ChangeAvatar changeAvatar;
    private final SearchPeople searchPeople;
    private final ReadOrgChart orgChart;
    private final ReadProfileFeed profileFeed;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final Visibility audience;
    private final Relationships relationships;
    private final PreferredLocale locales;
    private final ReadProfilePins profilePins;

    AccountsController(
            AccountStore accounts,
            FollowStore follows,
            FollowAccount followAccount,
            UnfollowAccount unfollowAccount,
            ChangePostNotifications changePostNotifications,
            EditProfile editProfile,
            ChangeAvatar changeAvatar,
            SearchPeople searchPeople,
            ReadOrgChart orgChart,
            ReadProfileFeed profileFeed,
            Presenter presenter,
            BaseUrl baseUrl,
            Visibility audience,
            Relationships relationships,
            ReadProfilePins profilePins,
            PreferredLocale locales) {
        this.locales = locales;
        this.profilePins = profilePins;
        this.audience = audience;
        this.relationships = relationships;
        this.accounts = accounts;
        this.follows = follows;
        this.followAccount = followAccount;
        this.unfollowAccount = unfollowAccount;
        this.changePostNotifications = changePostNotifications;
        this.editProfile = editProfile;
        this.changeAvatar = changeAvatar;
        this.searchPeople = searchPeople;
        this.orgChart = orgChart;
        this.profileFeed = profileFeed;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/accounts/verify_credentials")
    Account verifyCredentials(Viewer viewer) {
        return credential(require(viewer, viewer.accountId()));
    }

    /** The colleague's own account with {@code source.language}: their interface language. */
    private Account credential(org.hallway.identity.Account a) {
        var account = presenter.credentialAccount(a);
        var s = account.source();
        if (s == null) return account;
        return account.withSource(
                new Account.Source(
                        s.privacy(),
                        s.sensitive(),
                        locales.of(a.id()),
                        s.note(),
                        s.fields(),
                        s.followRequestsCount(),
                        s.indexable(),
                        s.discoverable(),
                        s.hideCollections()),
                account.role());
    }

    /**
     * Mastodon's profile update, plus Hallway's work context ({@code title}, {@code department},
     * {@code location}, {@code phone}), {@code skills[]} and the administrator's fields as {@code
     * profile_fields[<id>]}. The avatar is checked first and stored last, so a refused change stores
     * nothing.
     */
    @PatchMapping("/api/v1/accounts/update_credentials")
    Account updateCredentials(
            Viewer viewer, Params params, @RequestParam(name = "avatar", required = false) MultipartFile avatar)
            throws java.io.IOException {
        var image = avatar == null || avatar.isEmpty() ? null : changeAvatar.prepare(avatar.getBytes());
        // Checked before anything is stored, so that a refused language stores nothing.
        var language = params.string("source[language]");
        if (language != null) PreferredLocale.normalize(language);
        var command = EditProfile.Command.of(
                        params.string("display_name"),
                        params.string("note"),
                        params.string("title"),
                        params.string("department"),
                        params.string("location"),
                        params.string("phone"))
                .withFields(ProfileParams.fields(params))
                .withSkills(ProfileParams.skills(params))
                .withValues(ProfileParams.values(params));
        var updated = editProfile.handle(viewer, command);
        if (image != null) changeAvatar.handle(viewer, image);
        if (language != null) locales.change(viewer.networkId(), viewer.accountId(), language);
        return credential(updated);
    }

    @GetMapping("/api/v1/accounts/relationships")
    List<Relationship> relationships(Viewer viewer, Params params) {
        var ids = new ArrayList<Long>();
        for (var raw : params.list("id")) {
            try {
                ids.add(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                // Mastodon skips ids it does not know; so does Hallway.
            }
        }
        var found = accounts.findAll(viewer.networkId(), ids).keySet();
        // A guest learns nothing of people beyond their groups, not even that they exist.
        var known = audience.isGuest(viewer) ? audience.visibleAccountsAmong(viewer, found) : found;
        return relationships.of(
                viewer, ids.stream().filter(known::contains).distinct().toList());
    }

    @GetMapping("/api/v1/accounts/lookup")
    Account lookup(Viewer viewer, Params params) {
        var acct = params.required("acct").strip().replaceFirst("^@", "");
        int at = acct.indexOf('@');
        var username = at < 0 ? acct : acct.substring(0, at);
        var account = accounts.findByUsername(viewer.networkId(), username).orElseThrow(NotFoundException::record);
        audience.requireAccountVisible(viewer, account.id());
        return presenter.account(account);
    }

    /** As-you-type people search (mention autocomplete): name, handle, title, department and skills. */
    @GetMapping("/api/v1/accounts/search")
    List<Account> search(Viewer viewer, Params params) {
        var q = params.required("q");
        var query = new SearchPeople.Query(
                q, params.bool("following", false), params.integer("offset", 0), params.integer("limit", 40));
        return presenter.accounts(searchPeople.handle(viewer, query));
    }

    /** Hallway's extension: where a colleague sits in the org chart. */
    @GetMapping("/api/v1/accounts/{id}/org_chart")
    java.util.Map<String, List<Account>> orgChart(Viewer viewer, @PathVariable String id) {
        var chart = orgChart.handle(viewer, Ids.parse(id));
        var result = new java.util.LinkedHashMap<String, List<Account>>();
        result.put("managers", presenter.accounts(chart.managers()));
        result.put("reports", presenter.accounts(chart.reports()));
        result.put("peers", presenter.accounts(chart.peers()));
        return result;
    }

    @GetMapping("/api/v1/accounts/{id}")
    Account show(Viewer viewer, @PathVariable String id) {
        return presenter.account(require(viewer, Ids.parse(id)));
    }

    @GetMapping("/api/v1/accounts/{id}/statuses")
    ResponseEntity<List<Status>> statuses(
            Viewer viewer, @PathVariable String id, Params params, HttpServletRequest request) {
        var account = require(viewer, Ids.parse(id));
        // Pinned posts come all at once, most recently pinned first, without paging.
        if (params.bool("pinned", false)) {
            if (params.string("max_id") != null || params.string("min_id") != null) return ResponseEntity.ok(List.of());
            return ResponseEntity.ok(presenter.statuses(viewer, "account", profilePins.handle(viewer, account.id())));
        }
        // Hallway has no media yet: that filter selects nothing.
        if (params.bool("only_media", false)) return ResponseEntity.ok(List.of());
        var page = profileFeed.handle(
                viewer,
                account.id(),
                new ReadProfileFeed.Options(
                        params.bool("exclude_replies", false), params.bool("exclude_reblogs", false)),
                Paging.from(params));
        return Paging.respond(
                presenter.statuses(viewer, "account", page.items()),
                page.nextMaxId(),
                page.prevMinId(),
                request,
                baseUrl);
    }

    @GetMapping("/api/v1/accounts/{id}/followers")
    ResponseEntity<List<Account>> followers(
            Viewer viewer, @PathVariable String id, Params params, HttpServletRequest request) {
        var account = require(viewer, Ids.parse(id));
        return edges(viewer, follows.followers(account.id(), Paging.from(params)), request);
    }

    @GetMapping("/api/v1/accounts/{id}/following")
    ResponseEntity<List<Account>> following(
            Viewer viewer, @PathVariable String id, Params params, HttpServletRequest request) {
        var account = require(viewer, Ids.parse(id));
        return edges(viewer, follows.following(account.id(), Paging.from(params)), request);
    }

    @PostMapping("/api/v1/accounts/{id}/follow")
    Relationship follow(Viewer viewer, @PathVariable String id, Params params) {
        long target = Ids.parse(id);
        followAccount.handle(viewer, target);
        // Compat(mastodon): notify=true asks to hear of each new post; following again may change it.
        var notify = params.boolOrNull("notify");
        if (notify != null) changePostNotifications.handle(viewer, target, notify);
        return relationship(viewer, target);
    }

    @PostMapping("/api/v1/accounts/{id}/unfollow")
    Relationship unfollow(Viewer viewer, @PathVariable String id) {
        long target = Ids.parse(id);
        unfollowAccount.handle(viewer, target);
        return relationship(viewer, target);
    }

    private Relationship relationship(Viewer viewer, long id) {
        return relationships.of(viewer, id);
    }

    private ResponseEntity<List<Account>> edges(
            Viewer viewer, List<FollowStore.Edge> edges, HttpServletRequest request) {
        var people = accounts.findAll(
                viewer.networkId(),
                edges.stream().map(FollowStore.Edge::accountId).toList());
        var visible = audience.isGuest(viewer) ? audience.visibleAccountsAmong(viewer, people.keySet()) : null;
        var ordered = edges.stream()
                .map(e -> people.get(e.accountId()))
                .filter(java.util.Objects::nonNull)
                .filter(a -> visible == null || visible.contains(a.id()))
                .toList();
        var body = presenter.accounts(ordered);
        if (edges.isEmpty()) return ResponseEntity.ok(body);
        return Paging.respond(body, edges.getLast().id(), edges.getFirst().id(), request, baseUrl);
    }

    private org.hallway.identity.Account require(Viewer viewer, long id) {
        audience.requireAccountVisible(viewer, id);
        return accounts.find(viewer.networkId(), id).orElseThrow(NotFoundException::record);
    }
}
