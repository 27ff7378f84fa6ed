package org.hallway.web.people;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a profile shows below its head: phone, skills (each a hashtag page), the administrator's
 * fields and the colleague's own, and how many people report to them.
 */
public record ProfileDetails(String phone, List<String> skills, List<Shown> fields, int reports, String orgChart) {

    /** A field as shown: its text, and where it links to, if anywhere. */
    public record Shown(String name, String text, @Nullable String href) {}

    public boolean isEmpty() {
        return phone.isBlank() && skills.isEmpty() && fields.isEmpty();
    }
}
