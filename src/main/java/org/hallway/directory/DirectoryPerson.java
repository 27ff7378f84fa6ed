package org.hallway.directory;

import org.jspecify.annotations.Nullable;

/** A person as the directory lists them, already mapped from the directory's attributes. */
public record DirectoryPerson(
        String dn,
        String externalId,
        String username,
        String email,
        String displayName,
        String title,
        String department,
        String location,
        String phone,
        String employeeNumber,
        @Nullable String managerDn,
        boolean disabled) {}
