package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/**
 * A checked request of an app to act for a colleague (the parameters of {@code /oauth/authorize}): the
 * app, where to send the answer, what it may do, and the PKCE challenge to hold it to.
 */
public record AuthorizationRequest(
        OAuthApp app, String redirectUri, Scopes scopes, @Nullable String state, @Nullable String codeChallenge) {

    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

    /** True when the code is to be shown on a page for the colleague to copy, not sent to the app. */
    public boolean outOfBand() {
        return redirectUri.equals(OUT_OF_BAND);
    }
}
