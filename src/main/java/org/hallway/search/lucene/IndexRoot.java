package org.hallway.search.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's directory under the data directory: one {@code gen-*} directory per generation and a
 * {@code current} file naming the one in use, replaced atomically when a rebuilt generation is swapped in.
 */
final class IndexRoot {
    private static final Logger log = LoggerFactory.getLogger(IndexRoot.class);
    private static final String POINTER = "current";

    private final Path root;

    IndexRoot(Path root) {
        this.root = root;
    }

    Path path() {
        return root;
    }

    /** The name of the generation in use, if one was ever pointed to. */
    Optional<String> current() throws IOException {
        Files.createDirectories(root);
        var pointer = root.resolve(POINTER);
        if (!Files.exists(pointer)) return Optional.empty();
        return Optional.of(Files.readString(pointer, StandardCharsets.UTF_8).strip());
    }

    Path generation(String name) {
        return root.resolve(name);
    }

    Path newGeneration(long millis, long rebuild) {
        return root.resolve("gen-" + millis + "-" + rebuild);
    }

    /** Makes {@code dir} the generation in use, atomically. */
    void point(Path dir) throws IOException {
        var tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void removeOtherGenerations(String keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("gen-"))
                    .filter(d -> !d.getFileName().toString().equals(keep))
                    .forEach(IndexRoot::delete);
        } catch (IOException e) {
            log.warn("Cannot list {}", root, e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.warn("Cannot delete the old search index {}", dir, e);
        }
    }
}
