package org.hallway.push;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** From whom a subscription receives pushes: anyone, colleagues one follows, one's followers, or no one. */
public enum PushPolicy {
    ALL,
    FOLLOWED,
    FOLLOWER,
    NONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PushPolicy> of(String code) {
        if (code == null) return Optional.empty();
        var c = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code().equals(c)).findFirst();
    }
}
