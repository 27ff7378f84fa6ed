package org.hallway.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The identity servers the tests run against, started once per test JVM before the shared Spring
 * context, so every test class sees the same configuration and keeps the one context: UnboundID's
 * in-memory directory (LDAP, holding an Active-Directory-like tree) and mock-oauth2-server as the
 * OpenID Connect provider, with its interactive login form.
 */
public final class IdentityServers {
    public static final String BASE = "dc=corp,dc=example";
    public static final String SERVICE_DN = "cn=hallway-service," + BASE;
    public static final String SERVICE_PASSWORD = "service-secret";
    public static final String OIDC_ISSUER_ID = "corp";

    private static InMemoryDirectoryServer ldap;
    private static int ldapPort;
    private static MockOAuth2Server oidc;
    private static ServerSocket hung;

    private IdentityServers() {}

    /** Registers the servers' settings; called from {@link HallwayTest}'s property source. */
    static synchronized void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("hallway.ldap.url", () -> "ldap://127.0.0.1:" + ldapPort);
        registry.add("hallway.ldap.bind-dn", () -> SERVICE_DN);
        registry.add("hallway.ldap.bind-password", () -> SERVICE_PASSWORD);
        registry.add("hallway.ldap.user-base", () -> "ou=people," + BASE);
        registry.add("hallway.ldap.group-base", () -> "ou=groups," + BASE);
        registry.add("hallway.ldap.attributes.id", () -> "objectGUID,entryUUID");
        registry.add("hallway.ldap.timeout", () -> "PT5S");
        registry.add("hallway.oidc.issuer", () -> oidc.issuerUrl(OIDC_ISSUER_ID).toString());
        registry.add("hallway.oidc.client-id", () -> "hallway");
        registry.add("hallway.oidc.client-secret", () -> "hallway-secret");
        registry.add("hallway.oidc.name", () -> "Corp Login");
    }

    public static synchronized InMemoryDirectoryServer ldap() {
        start();
        return ldap;
    }

    /** Takes the directory off the network, as an outage would; {@link #ldapUp()} brings it back. */
    public static synchronized void ldapDown() {
        ldap.shutDown(true);
    }

    /**
     * Puts in the directory's place a server that accepts connections and never answers, as a hung
     * directory (or a firewall dropping its replies) does; {@link #ldapUp()} brings the directory back.
     */
    public static synchronized void ldapHangs() {
        ldap.shutDown(true);
        try {
            // Never accepted: the kernel completes the connection (up to the backlog) and the
            // directory's requests are read by nobody, so no answer ever comes.
            hung = new ServerSocket();
            hung.setReuseAddress(true);
            hung.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), ldapPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void ldapUp() {
        if (hung != null) {
            try {
                hung.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hung = null;
        }
        if (ldap.getListenPort() > 0) return;
        try {
            ldap.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void start() {
        if (ldap != null) return;
        try {
            var config = new InMemoryDirectoryServerConfig(BASE);
            // Active Directory's attributes (sAMAccountName, department, userAccountControl, ...)
            // are not in the standard schema; without schema checking the tree can hold them.
            config.setSchema(null);
            config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
            ldapPort = freePort();
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), ldapPort, null));
            ldap = new InMemoryDirectoryServer(config);
            ldap.startListening();
            ldap.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: corp");
            ldap.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
            ldap.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
            oidc = new MockOAuth2Server(
                    OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true,\"httpServer\":\"NettyWrapper\"}"));
            oidc.start(InetAddress.getLoopbackAddress(), 0);
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
