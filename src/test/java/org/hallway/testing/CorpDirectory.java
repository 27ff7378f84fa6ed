package org.hallway.testing;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;

/**
 * The company's Active-Directory-like tree in the in-memory directory, made afresh by each test class
 * that uses it: people under {@code ou=people} with sAMAccountName, mail, title, department, l,
 * telephoneNumber, employeeNumber and their manager as a DN; groups under {@code ou=groups}. Mail
 * addresses carry a suffix of their own, because an address signs in to one account across networks.
 */
public final class CorpDirectory {
    public static final String PASSWORD = "directory-pass-1";
    private static final String PEOPLE = "ou=people," + IdentityServers.BASE;
    private static final String GROUPS = "ou=groups," + IdentityServers.BASE;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public CorpDirectory() {
        var server = IdentityServers.ldap();
        try {
            server.clear();
            server.add(new Entry(
                    IdentityServers.BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "corp")));
            server.add(new Entry(
                    PEOPLE, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "people")));
            server.add(new Entry(
                    GROUPS, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "groups")));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public String email(String sam) {
        return sam + "-" + suffix + "@corp.example";
    }

    public static String dn(String sam) {
        return "cn=" + sam + "," + PEOPLE;
    }

    /** Adds a person; {@code manager} is the manager's sAMAccountName or null. */
    public void person(String sam, String name, String title, String department, String location, String manager) {
        var attributes = new ArrayList<Attribute>(Arrays.asList(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", sam),
                new Attribute("sAMAccountName", sam),
                new Attribute("mail", email(sam)),
                new Attribute("displayName", name),
                new Attribute("title", title),
                new Attribute("department", department),
                new Attribute("l", location),
                new Attribute("telephoneNumber", "+49 30 " + Math.abs(sam.hashCode() % 100000)),
                new Attribute("employeeNumber", "E-" + sam),
                new Attribute("userAccountControl", "512"),
                new Attribute("userPassword", PASSWORD)));
        if (manager != null) attributes.add(new Attribute("manager", dn(manager)));
        add(new Entry(dn(sam), attributes));
    }

    public void group(String cn, String... members) {
        var memberDns = Arrays.stream(members).map(CorpDirectory::dn).toArray(String[]::new);
        add(new Entry(
                "cn=" + cn + "," + GROUPS,
                new Attribute("objectClass", "top", "group"),
                new Attribute("cn", cn),
                new Attribute("member", memberDns)));
    }

    /** Makes the group's members exactly these people. */
    public void members(String cn, String... members) {
        var memberDns = Arrays.stream(members).map(CorpDirectory::dn).toArray(String[]::new);
        try {
            IdentityServers.ldap()
                    .modify("cn=" + cn + "," + GROUPS, new Modification(ModificationType.REPLACE, "member", memberDns));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public void set(String sam, String attribute, String value) {
        try {
            IdentityServers.ldap().modify(dn(sam), new Modification(ModificationType.REPLACE, attribute, value));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public void remove(String sam) {
        try {
            IdentityServers.ldap().delete(dn(sam));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(Entry entry) {
        try {
            IdentityServers.ldap().add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
