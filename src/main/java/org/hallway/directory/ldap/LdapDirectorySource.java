package org.hallway.directory.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hallway.directory.DirectoryGroup;
import org.hallway.directory.DirectoryPerson;
import org.hallway.directory.DirectorySource;
import org.hallway.directory.LdapSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The directory over LDAP with UnboundID's SDK. Each operation opens its own connection, binds as
 * the service account, and closes it: sign-ins and hourly syncs are rare enough that a pool would
 * only add state to get wrong. Searches page (Active Directory answers at most 1,000 entries per
 * page) and time out after {@code HALLWAY_LDAP_TIMEOUT}.
 */
@Component
class LdapDirectorySource implements DirectorySource {
    private static final int PAGE = 500;
    // Active Directory's userAccountControl flag for a disabled account.
    private static final int ACCOUNT_DISABLE = 0x2;

    private final LdapSettings settings;
    private final LdapSettings.Attributes map;

    LdapDirectorySource(LdapSettings settings) {
        this.settings = settings;
        this.map = settings.attributes();
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Optional<DirectoryPerson> authenticate(String login, String password) {
        if (!configured() || login.isBlank() || password.isEmpty()) return Optional.empty();
        try (var connection = connect()) {
            var filter = Filter.create(settings.userFilter().replace("{0}", Filter.encodeValue(login)));
            var request = new SearchRequest(settings.userBase(), SearchScope.SUB, filter, personAttributes());
            request.setSizeLimit(2);
            List<SearchResultEntry> found;
            try {
                found = connection.search(request).getSearchEntries();
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) return Optional.empty();
                throw e;
            }
            if (found.size() != 1) return Optional.empty();
            var entry = found.getFirst();
            var person = person(entry);
            if (person.isEmpty() || person.get().disabled()) return Optional.empty();
            try {
                connection.bind(entry.getDN(), password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) return Optional.empty();
                throw e;
            }
            return person;
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<DirectoryPerson> find(String dn) {
        if (!configured()) return Optional.empty();
        try (var connection = connect()) {
            var entry = connection.getEntry(dn, personAttributes());
            return entry == null ? Optional.empty() : person(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) return Optional.empty();
            throw unavailable(e);
        }
    }

    @Override
    public Snapshot read() {
        try (var connection = connect()) {
            var people = new ArrayList<DirectoryPerson>();
            search(connection, settings.userBase(), settings.syncFilter(), personAttributes(), entry -> person(entry)
                    .ifPresent(people::add));
            var groups = new ArrayList<DirectoryGroup>();
            search(connection, settings.groupBase(), settings.groupFilter(), groupAttributes(), entry -> {
                var id = id(entry);
                if (id == null) return;
                var members = entry.getAttributeValues("member");
                groups.add(new DirectoryGroup(
                        entry.getDN(),
                        id,
                        first(entry, "cn").isEmpty() ? entry.getDN() : first(entry, "cn"),
                        members == null
                                ? List.of()
                                : Arrays.stream(members)
                                        .map(LdapDirectorySource::normalize)
                                        .toList()));
            });
            return new Snapshot(List.copyOf(people), List.copyOf(groups));
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    private void search(
            LDAPConnection connection,
            String base,
            String filter,
            String[] attributes,
            Consumer<SearchResultEntry> each)
            throws LDAPException {
        ASN1OctetString cookie = null;
        do {
            var request = new SearchRequest(base, SearchScope.SUB, Filter.create(filter), attributes);
            request.setControls(new SimplePagedResultsControl(PAGE, cookie));
            var result = connection.search(request);
            result.getSearchEntries().forEach(each);
            var paged = SimplePagedResultsControl.get(result);
            cookie = paged == null || !paged.moreResultsToReturn() ? null : paged.getCookie();
        } while (cookie != null);
    }

    private LDAPConnection connect() throws LDAPException {
        var url = new LDAPURL(settings.url());
        var options = new LDAPConnectionOptions();
        int timeout = (int) settings.timeout().toMillis();
        options.setConnectTimeoutMillis(timeout);
        options.setResponseTimeoutMillis(timeout);
        LDAPConnection connection;
        if (url.getScheme().equalsIgnoreCase("ldaps")) {
            try {
                var ssl = new SSLUtil(JVMDefaultTrustManager.getInstance());
                connection = new LDAPConnection(ssl.createSSLSocketFactory(), options, url.getHost(), url.getPort());
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS setup failed", e);
            }
        } else {
            connection = new LDAPConnection(options, url.getHost(), url.getPort());
        }
        try {
            if (!settings.bindDn().isBlank()) connection.bind(settings.bindDn(), settings.bindPassword());
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private Optional<DirectoryPerson> person(SearchResultEntry entry) {
        var id = id(entry);
        var email = first(entry, map.email());
        if (id == null || email.isEmpty()) return Optional.empty();
        var manager = first(entry, map.manager());
        var control = entry.getAttributeValueAsInteger("userAccountControl");
        return Optional.of(new DirectoryPerson(
                normalize(entry.getDN()),
                id,
                first(entry, map.username()),
                email,
                first(entry, map.displayName()),
                first(entry, map.title()),
                first(entry, map.department()),
                first(entry, map.location()),
                first(entry, map.phone()),
                first(entry, map.employeeNumber()),
                manager.isEmpty() ? null : normalize(manager),
                control != null && (control & ACCOUNT_DISABLE) != 0));
    }

    /** The stable id: Active Directory's binary objectGUID as hex, or a text id such as entryUUID. */
    private @Nullable String id(SearchResultEntry entry) {
        for (var name : names(map.id())) {
            Attribute attribute = entry.getAttribute(name);
            if (attribute == null || !attribute.hasValue()) continue;
            if (name.equalsIgnoreCase("objectGUID")) return HexFormat.of().formatHex(attribute.getValueByteArray());
            return attribute.getValue();
        }
        return null;
    }

    private static String first(SearchResultEntry entry, String names) {
        for (var name : names(names)) {
            var value = entry.getAttributeValue(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return "";
    }

    private String[] personAttributes() {
        return Stream.of(
                        map.id(),
                        map.username(),
                        map.email(),
                        map.displayName(),
                        map.title(),
                        map.department(),
                        map.location(),
                        map.phone(),
                        map.manager(),
                        map.employeeNumber(),
                        "userAccountControl")
                .flatMap(n -> Arrays.stream(names(n)))
                .distinct()
                .toArray(String[]::new);
    }

    private String[] groupAttributes() {
        return Stream.concat(Arrays.stream(names(map.id())), Stream.of("cn", "member"))
                .toArray(String[]::new);
    }

    private static String[] names(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    /** DNs compare in their normalized form: the same person may be written with other spacing or case. */
    private static String normalize(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static DirectoryUnavailable unavailable(LDAPException e) {
        return new DirectoryUnavailable(
                "The directory did not answer: " + e.getResultCode().getName(), e);
    }
}
