package org.hallway.directory;

import java.util.List;

/** A group as the directory lists it, with its members' distinguished names. */
public record DirectoryGroup(String dn, String externalId, String name, List<String> memberDns) {}
