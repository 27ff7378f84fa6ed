package org.hallway.web.admin;

import org.hallway.identity.Account;

/** A row of the administrator's colleague list. */
public record Colleague(Account account, String avatar) {}
