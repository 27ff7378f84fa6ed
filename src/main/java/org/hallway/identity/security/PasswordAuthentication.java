package org.hallway.identity.security;

import org.hallway.identity.CheckPassword;
import org.hallway.identity.SignInUnavailable;
import org.hallway.identity.SignedIn;
import org.hallway.shared.TooManyRequestsException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The web login form's check: e-mail and password through {@link CheckPassword}. */
@Component
class PasswordAuthentication implements AuthenticationProvider {
    private final CheckPassword checkPassword;

    PasswordAuthentication(CheckPassword checkPassword) {
        this.checkPassword = checkPassword;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = String.valueOf(authentication.getPrincipal());
        var password = authentication.getCredentials() == null
                ? null
                : authentication.getCredentials().toString();
        try {
            var account = checkPassword
                    .handle(email, password)
                    .orElseThrow(() -> new BadCredentialsException("The e-mail address or password is wrong"));
            var principal =
                    new SignedIn(account.id(), account.networkId(), account.admin(), account.email(), null, null);
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        } catch (TooManyRequestsException e) {
            throw new LockedException(e.getMessage());
        } catch (SignInUnavailable e) {
            throw new AuthenticationServiceException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
