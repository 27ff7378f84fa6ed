package org.hallway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module graph: no cycles, and no module reaches into another's internals. */
class ModularityTest {
    private final ApplicationModules modules = ApplicationModules.of(HallwayApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
