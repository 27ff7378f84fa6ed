package org.hallway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon client program nobody here wrote (masto.js, megalodon, toot, Mastodon.py), run as a
 * process in its directory under {@code clients/}, as the client tests drive them against the server.
 */
public final class ClientProgram {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final Map<String, String> environment;

    private ClientProgram(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /** A client whose files live in {@code clients/<name>}. */
    public static ClientProgram in(String name) {
        return new ClientProgram(Path.of("clients", name), Map.of());
    }

    /** The same client with extra environment variables (e.g. a config directory of its own). */
    public ClientProgram withEnvironment(Map<String, String> variables) {
        return new ClientProgram(directory, variables);
    }

    public Path directory() {
        return directory;
    }

    /** Whether a command runs and exits 0 (e.g. {@code node --version}): tells if a runtime is installed. */
    public static boolean available(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Skips the calling test when a client's runtime is missing on a developer's machine; fails it
     * instead where {@code HALLWAY_CLIENTS_REQUIRED} is set (CI installs every client).
     */
    public static void require(boolean installed, String message) {
        if (System.getenv("HALLWAY_CLIENTS_REQUIRED") != null) {
            if (!installed) throw new AssertionError(message);
        } else {
            Assumptions.assumeTrue(installed, message);
        }
    }

    /** Installs the npm packages of a node client once (its lock file pins them). */
    public Result npmInstall(String moduleName) throws IOException, InterruptedException {
        if (Files.isDirectory(directory.resolve("node_modules").resolve(moduleName))) return new Result(0, "");
        return run(300, "npm", "ci", "--no-audit", "--no-fund");
    }

    public Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        return runWithInput(timeoutSeconds, null, command);
    }

    /** Runs a command in the client's directory, with {@code input} on its standard input if given. */
    public Result runWithInput(int timeoutSeconds, String input, String... command)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        var output = new StringBuilder();
        var reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5_000);
            return new Result(-1, "timed out after " + timeoutSeconds + "s: " + output);
        }
        reader.join();
        return new Result(process.exitValue(), output.toString());
    }

    /** What a client program printed and how it ended. */
    public record Result(int exit, String output) {
        /** The last line, which the client scripts print as one JSON object of what they saw. */
        public JsonNode lastJson() {
            var last = output.strip().lines().reduce((a, b) -> b).orElse("{}");
            return JSON.readTree(last);
        }

        public List<String> lines() {
            return output.lines().toList();
        }
    }
}
