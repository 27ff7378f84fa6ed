package org.hallway.directory.scim;

import com.unboundid.scim2.common.exceptions.ScimException;

/** Carries a SCIM error out of code that may not throw checked exceptions (e.g. a PATCH applied in a use case). */
final class ScimFailure extends RuntimeException {
    private final ScimException scim;

    ScimFailure(ScimException scim) {
        super(scim.getMessage(), scim, false, false);
        this.scim = scim;
    }

    ScimException scim() {
        return scim;
    }
}
