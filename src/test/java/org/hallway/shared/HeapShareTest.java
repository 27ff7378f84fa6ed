package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapShareTest {
    private static final long MIB = 1L << 20;

    @Test
    void aShareIsThatPartOfTheMaximumHeap() {
        assertThat(HeapShare.percent(7.5, 640 * MIB)).isEqualTo(48 * MIB);
        assertThat(HeapShare.percent(10, 640 * MIB)).isEqualTo(64 * MIB);
    }

    @Test
    void theShareGrowsAndShrinksWithTheHeap() {
        assertThat(HeapShare.percent(10, 4096 * MIB)).isEqualTo(4096 * MIB / 10);
        assertThat(HeapShare.percent(10, 256 * MIB)).isEqualTo(256 * MIB / 10);
    }

    @Test
    void aHeapWithoutLimitCountsAsFourGibibytes() {
        assertThat(HeapShare.percent(25, Long.MAX_VALUE)).isEqualTo(1024 * MIB);
    }

    @Test
    void theRunningJvmsShareIsTakenFromItsMaximumHeap() {
        assertThat(HeapShare.percent(50)).isEqualTo(Runtime.getRuntime().maxMemory() / 2);
    }

    @Test
    void aShareOutsideTheHeapIsRefused() {
        assertThatThrownBy(() -> HeapShare.percent(0, 640 * MIB)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeapShare.percent(100, 640 * MIB)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeapShare.percent(Double.NaN, 640 * MIB)).isInstanceOf(IllegalArgumentException.class);
    }
}
