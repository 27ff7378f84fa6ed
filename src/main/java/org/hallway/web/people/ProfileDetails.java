package org.hallway.web.people;

import java.util.List;
import org.hallway.identity.Account;
import org.jspecify.annotations.Nullable;

/**
 * What a profile shows below its head: phone, skills (each a hashtag page), the administrator's
 * fields and the colleague's own, and their place in the org chart: the managers from the top down,
 * how many people report to them and how many peers they have.
 */
public record ProfileDetails(
        String phone,
        List<String> skills,
        List<Shown> fields,
        List<Account> managers,
        int reports,
        int peers,
        String orgChart) {

    /** A field as shown: its text, and where it links to, if anywhere. */
    public record Shown(String name, String text, @Nullable String href) {}

    public boolean isEmpty() {
        return phone.isBlank() && skills.isEmpty() && fields.isEmpty();
    }
}
