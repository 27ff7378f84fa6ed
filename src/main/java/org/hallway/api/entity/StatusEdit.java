package org.hallway.api.entity;

import java.util.List;

/** One version in a post's edit history (Mastodon's StatusEdit). */
public record StatusEdit(
        String content,
        String spoilerText,
        boolean sensitive,
        String createdAt,
        Account account,
        List<Object> mediaAttachments,
        List<Object> emojis) {}
