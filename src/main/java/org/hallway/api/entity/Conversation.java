package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mastodon's Conversation: the other participants, the newest message, and whether it is unread. */
public record Conversation(String id, boolean unread, List<Account> accounts, @Nullable Status lastStatus) {}
