package org.hallway.directory;

import java.util.List;
import java.util.Optional;

/** Port: the company directory (LDAP, Active Directory). Every method may throw {@link DirectoryUnavailable}. */
public interface DirectorySource {
    /** Everyone and every group the directory lists, read completely or not at all. */
    record Snapshot(List<DirectoryPerson> people, List<DirectoryGroup> groups) {}

    boolean configured();

    /** The person whose login and password the directory accepts. */
    Optional<DirectoryPerson> authenticate(String login, String password);

    Optional<DirectoryPerson> find(String dn);

    Snapshot read();

    /** The directory could not be reached or answered with an error. */
    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
