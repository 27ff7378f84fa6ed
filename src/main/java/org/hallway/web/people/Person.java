package org.hallway.web.people;

import org.hallway.identity.Account;
import org.jspecify.annotations.Nullable;

/** A colleague as the people list and profile show them, with their work context. */
public record Person(
        Account account, String avatar, @Nullable Account manager, int followers, int following, boolean followed) {

    public String workContext() {
        var title = account.title() == null ? "" : account.title();
        var dept = account.department() == null ? "" : account.department();
        if (title.isBlank()) return dept;
        if (dept.isBlank()) return title;
        return title + " · " + dept;
    }

    public String profile() {
        return "/@" + account.username();
    }
}
