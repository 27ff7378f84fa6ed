package org.hallway.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At first start with HALLWAY_ADMIN_EMAIL and HALLWAY_ADMIN_PASSWORD set, creates the network and
 * its first administrator; without them the web UI offers the one-time setup page instead.
 */
@Component
class BootstrapNetwork implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapNetwork.class);

    private final SetUpNetwork setUp;
    private final String networkName;
    private final String email;
    private final String password;

    BootstrapNetwork(
            SetUpNetwork setUp,
            @Value("${hallway.network-name}") String networkName,
            @Value("${hallway.admin.email:}") String email,
            @Value("${hallway.admin.password:}") String password) {
        this.setUp = setUp;
        this.networkName = networkName;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setUp.needed()) return;
        if (email.isBlank() || password.isBlank()) {
            log.info("No network yet: open the web UI to set up Hallway");
            return;
        }
        setUp.handle(new SetUpNetwork.Command(networkName, email, password, null));
        log.info("Created network '{}' with administrator {}", networkName, email);
    }
}
