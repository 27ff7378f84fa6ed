package org.hallway.api.entity;

/** A member of a group: the account, the role in the group ({@code admin} or {@code member}), since when. */
public record GroupMember(Account account, String role, String createdAt) {}
