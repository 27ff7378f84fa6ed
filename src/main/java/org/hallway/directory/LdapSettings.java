package org.hallway.directory;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company directory over LDAP ({@code HALLWAY_LDAP_*}). Blank values take the defaults, which
 * suit Active Directory: sign in by sAMAccountName or mail, people are entries with a mail.
 */
@ConfigurationProperties("hallway.ldap")
public record LdapSettings(
        String url,
        String bindDn,
        String bindPassword,
        String userBase,
        String userFilter,
        String syncFilter,
        String groupBase,
        String groupFilter,
        @Nullable Duration syncInterval,
        int syncMaxDropPercent,
        @Nullable Duration timeout,
        Attributes attributes) {

    /** Which LDAP attribute feeds which profile field. */
    public record Attributes(
            String id,
            String username,
            String email,
            String displayName,
            String title,
            String department,
            String location,
            String phone,
            String manager,
            String employeeNumber) {
        public Attributes {
            id = or(id, "objectGUID,entryUUID");
            username = or(username, "sAMAccountName");
            email = or(email, "mail");
            displayName = or(displayName, "displayName,cn");
            title = or(title, "title");
            department = or(department, "department");
            location = or(location, "l");
            phone = or(phone, "telephoneNumber");
            manager = or(manager, "manager");
            employeeNumber = or(employeeNumber, "employeeNumber");
        }
    }

    public LdapSettings {
        url = or(url, "");
        bindDn = or(bindDn, "");
        bindPassword = bindPassword == null ? "" : bindPassword;
        userBase = or(userBase, "");
        userFilter = or(userFilter, "(|(sAMAccountName={0})(mail={0}))");
        syncFilter = or(syncFilter, "(&(objectClass=person)(mail=*))");
        groupBase = or(groupBase, userBase);
        groupFilter = or(groupFilter, "(|(objectClass=group)(objectClass=groupOfNames))");
        if (syncInterval == null || syncInterval.isZero() || syncInterval.isNegative())
            syncInterval = Duration.ofHours(1);
        if (syncMaxDropPercent <= 0 || syncMaxDropPercent > 100) syncMaxDropPercent = 10;
        if (timeout == null || timeout.isZero() || timeout.isNegative()) timeout = Duration.ofSeconds(30);
        if (attributes == null) attributes = new Attributes(null, null, null, null, null, null, null, null, null, null);
    }

    public boolean configured() {
        return !url.isBlank();
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
