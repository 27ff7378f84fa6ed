package org.hallway.directory.scim;

import java.net.URI;
import org.hallway.shared.NotFoundException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Addresses of SCIM resources, as the identity provider reached this server (proxy headers honoured). */
final class ScimUrls {
    private ScimUrls() {}

    static URI base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2")
                .build()
                .toUri();
    }

    static URI user(long id) {
        return URI.create(base() + "/Users/" + id);
    }

    static URI group(long id) {
        return URI.create(base() + "/Groups/" + id);
    }

    /** A resource id from the path; anything that is not one of ours is simply not found. */
    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFoundException.record();
        }
    }
}
