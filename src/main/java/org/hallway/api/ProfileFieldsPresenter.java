package org.hallway.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.Account;
import org.hallway.directory.ColleagueProfile;
import org.hallway.directory.ProfileFieldDefinition;
import org.hallway.directory.ProfileStore;
import org.hallway.identity.AccountStore;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The profile fields beyond the work context, as Mastodon's {@code fields}: phone, skills (links to
 * their hashtag pages), the administrator's typed fields and the colleague's own fields. Values are
 * HTML: escaped text, or a link for web addresses and colleagues. Loads a page of accounts at once.
 */
@Component
class ProfileFieldsPresenter {
    private final ProfileStore profiles;
    private final AccountStore accounts;

    ProfileFieldsPresenter(ProfileStore profiles, AccountStore accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    /** The fields of a page of accounts, each with the person it names (a person field), if any. */
    Map<Long, List<ProfileCards.NamedField>> fields(Collection<org.hallway.identity.Account> list, String base) {
        if (list.isEmpty()) return Map.of();
        long networkId = list.iterator().next().networkId();
        var found = profiles.findAll(
                networkId, list.stream().map(org.hallway.identity.Account::id).toList());
        var definitions = profiles.definitions(networkId);
        var people = people(networkId, found.values(), definitions);
        var result = new HashMap<Long, List<ProfileCards.NamedField>>();
        for (var profile : found.values()) {
            var fields = new ArrayList<ProfileCards.NamedField>();
            if (!profile.phone().isBlank()) fields.add(field("Phone", HtmlUtils.htmlEscape(profile.phone())));
            if (!profile.skills().isEmpty()) {
                var links = profile.skills().stream()
                        .map(s ->
                                "<a href=\"" + base + "/tags/" + s + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                                        + HtmlUtils.htmlEscape(s) + "</span></a>")
                        .toList();
                fields.add(field("Skills", String.join(" ", links)));
            }
            for (var d : definitions) {
                var value = profile.value(d.id());
                if (value == null || value.isBlank()) continue;
                Long names = d.type() == ProfileFieldDefinition.Type.PERSON ? Long.parseLong(value) : null;
                var html =
                        switch (d.type()) {
                            case LINK -> link(value);
                            case PERSON -> {
                                var person = people.get(Long.parseLong(value));
                                yield person == null
                                        ? ""
                                        : "<a href=\"" + base + "/@" + person.username() + "\">"
                                                + HtmlUtils.htmlEscape(person.displayName()) + "</a>";
                            }
                            default -> HtmlUtils.htmlEscape(value);
                        };
                if (!html.isEmpty())
                    fields.add(new ProfileCards.NamedField(new Account.Field(d.name(), html, null), names));
            }
            for (var f : profile.fields()) fields.add(field(f.name(), text(f.value())));
            result.put(profile.accountId(), fields);
        }
        return result;
    }

    /** The colleague's own fields as they typed them (CredentialAccount's source.fields). */
    List<Account.Field> source(org.hallway.identity.Account a) {
        return profiles.find(a.networkId(), a.id()).fields().stream()
                .map(f -> new Account.Field(f.name(), f.value(), null))
                .toList();
    }

    private Map<Long, org.hallway.identity.Account> people(
            long networkId, Collection<ColleagueProfile> found, List<ProfileFieldDefinition> definitions) {
        var ids = new HashSet<Long>();
        for (var d : definitions) {
            if (d.type() != ProfileFieldDefinition.Type.PERSON) continue;
            for (var p : found) {
                var v = p.value(d.id());
                if (v != null && !v.isBlank()) ids.add(Long.parseLong(v));
            }
        }
        return ids.isEmpty() ? Map.of() : accounts.findAll(networkId, ids);
    }

    private static ProfileCards.NamedField field(String name, String html) {
        return new ProfileCards.NamedField(new Account.Field(name, html, null), null);
    }

    /** A web address becomes a link; anything else is escaped text. */
    static String text(String value) {
        if (value.startsWith("http://") || value.startsWith("https://")) return link(value);
        return HtmlUtils.htmlEscape(value);
    }

    private static String link(String url) {
        var escaped = HtmlUtils.htmlEscape(url);
        return "<a href=\"" + escaped + "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">" + escaped + "</a>";
    }
}
