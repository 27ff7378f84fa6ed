package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Native memory freed between blocks still in use stays with the C library, resident, until it is given
 * back: as after a start, where class loading and the JIT leave such holes.
 */
@EnabledOnOs(OS.LINUX)
class GiveBackStartMemoryTest {
    private static final int BLOCKS = 1_000;
    /**
     * Only the whole pages inside a hole can be given back; blocks of 16 pages (under the C library's
     * threshold for mapping a block of its own) leave 15 of them.
     */
    private static final long BLOCK = 64 * 1024;

    @Test
    void theHolesThatFreedMemoryLeftAreGivenBackToTheSystem() throws IOException {
        try (var kept = Arena.ofConfined()) {
            try (var freed = Arena.ofConfined()) {
                for (int i = 0; i < BLOCKS; i++) {
                    freed.allocate(BLOCK);
                    kept.allocate(BLOCK);
                }
            }
            long before = residentKib();

            assertThat(GiveBackStartMemory.giveBack()).isTrue();

            long holes = BLOCKS * BLOCK / 1024;
            assertThat(before - residentKib()).isGreaterThan(holes / 2);
        }
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElseThrow();
    }
}
