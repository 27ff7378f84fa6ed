package org.hallway.config;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Gives the native memory that the start allocated and freed back to the system, once, a little after
 * Hallway is ready (ADR 0074). Class loading, the JIT compilers and the rest of a start allocate and free
 * tens of MiB through the C library, which keeps what was freed for later allocations; an idle server
 * would hold it for good. {@code malloc_trim(0)} hands the free pages back. Once, not every few seconds
 * ({@code -XX:TrimNativeHeapInterval}): under load the JIT would fault the same pages in again at a
 * cost in CPU. Where the C library has no {@code malloc_trim} (not glibc), nothing happens.
 */
@Component
class GiveBackStartMemory {
    private static final Logger log = LoggerFactory.getLogger(GiveBackStartMemory.class);

    /** After the ready event the JIT still compiles what the start queued for a few seconds. */
    private static final Duration AFTER_READY = Duration.ofSeconds(10);

    private final TaskScheduler scheduler;

    GiveBackStartMemory(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atReady() {
        scheduler.schedule(
                GiveBackStartMemory::giveBack, scheduler.getClock().instant().plus(AFTER_READY));
    }

    /**
     * Hands the C library's free pages back to the system; true if it gave any back, false if it had none
     * or has no {@code malloc_trim}.
     */
    static boolean giveBack() {
        var trim = MallocTrim.HANDLE;
        if (trim.isEmpty()) return false;
        boolean gave;
        try {
            gave = (int) trim.get().invokeExact(0L) == 1;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("malloc_trim failed", e);
        }
        log.debug("Gave the start's freed native memory back: {}", gave);
        return gave;
    }

    /** Looked up on first use, off the start's path: the native linker loads classes of its own. */
    private static final class MallocTrim {
        static final Optional<MethodHandle> HANDLE = lookUp();

        private static Optional<MethodHandle> lookUp() {
            var linker = Linker.nativeLinker();
            return linker.defaultLookup()
                    .find("malloc_trim")
                    .map(symbol -> linker.downcallHandle(
                            symbol, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)));
        }
    }
}
