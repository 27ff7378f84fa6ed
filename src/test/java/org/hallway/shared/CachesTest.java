package org.hallway.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cache's upkeep happens on the thread that uses it, for every cache Hallway keeps. */
class CachesTest {

    @Test
    void anEntryOverTheSizeGoesBeforeThePutReturnsOnTheWritersThread() {
        List<Thread> evictedOn = new ArrayList<>();
        var cache = Caches.newBuilder()
                .maximumSize(1)
                .<Long, String>removalListener((key, value, cause) -> {
                    if (cause == RemovalCause.SIZE) evictedOn.add(Thread.currentThread());
                })
                .build();

        cache.put(1L, "first");
        cache.put(2L, "second");

        assertThat(cache.asMap()).hasSize(1);
        assertThat(evictedOn).containsExactly(Thread.currentThread());
    }

    @Test
    void everyCacheOfTheServerStartsFromCaches() {
        var server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hallway");

        noClasses()
                .that()
                .doNotBelongToAnyOf(Caches.class)
                .should()
                .callMethod(Caffeine.class, "newBuilder")
                .because("a cache whose upkeep goes to the common pool wakes a thread every few dozen reads")
                .check(server);
    }
}
