package org.hallway.directory;

import java.time.Clock;
import org.hallway.identity.SignInSettings;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator switches passwords kept by Hallway off (or on again) for their network. Off is
 * refused unless single sign-on serves the network, so nobody is locked out; administrators keep
 * their own password either way, as the way in when the identity provider is down.
 */
@Service
public class SwitchLocalPasswords {
    private final SignInSettings settings;
    private final IdentitySources sources;
    private final Clock clock;

    SwitchLocalPasswords(SignInSettings settings, IdentitySources sources, Clock clock) {
        this.settings = settings;
        this.sources = sources;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer admin, boolean enabled) {
        if (!admin.admin()) throw new ForbiddenException("Only administrators can change how colleagues sign in");
        if (!enabled && !sources.singleSignOn(admin.networkId())) {
            throw new InvalidInputException(
                    "local_passwords", "Set up single sign-on (LDAP or OpenID Connect) before switching passwords off");
        }
        settings.setLocalPasswords(admin.networkId(), enabled, clock.instant());
    }

    public boolean enabled(long networkId) {
        return settings.localPasswords(networkId);
    }
}
