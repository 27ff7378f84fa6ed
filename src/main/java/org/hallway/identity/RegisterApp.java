package org.hallway.identity;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a client application, as every Mastodon app does before its user signs in. */
@Service
public class RegisterApp {
    public record Command(String clientName, String redirectUris, @Nullable String scopes, @Nullable String website) {}

    private final AppStore apps;
    private final Ids ids;
    private final Clock clock;

    RegisterApp(AppStore apps, Ids ids, Clock clock) {
        this.apps = apps;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public OAuthApp handle(Command cmd) {
        var name = cmd.clientName() == null ? "" : cmd.clientName().strip();
        if (name.isEmpty()) throw new InvalidInputException("client_name", "client_name can't be blank");
        if (name.length() > 200) throw new InvalidInputException("client_name", "client_name is too long");
        if (cmd.redirectUris() == null || cmd.redirectUris().isBlank()) {
            throw new InvalidInputException("redirect_uris", "redirect_uris can't be blank");
        }
        List<String> uris = Arrays.stream(cmd.redirectUris().split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
        for (var uri : uris) {
            if (!uri.equals("urn:ietf:wg:oauth:2.0:oob") && !uri.matches("[A-Za-z][A-Za-z0-9+.-]*:.+")) {
                throw new InvalidInputException("redirect_uris", "redirect_uris must be absolute URIs");
            }
        }
        var app = new OAuthApp(
                ids.next(),
                name,
                cmd.website() == null || cmd.website().isBlank()
                        ? null
                        : cmd.website().strip(),
                uris,
                Scopes.parse(cmd.scopes()),
                Secrets.token(),
                Secrets.token(),
                clock.instant());
        apps.insert(app);
        return app;
    }
}
