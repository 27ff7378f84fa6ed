package org.hallway;

import org.hallway.config.EarlyDatabaseStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/** Hallway: an enterprise microblogging server. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HallwayApplication {
    private static final String AOT_ENABLED = "spring.aot.enabled";
    private static final String AOT_TRAINING = "hallway.aot-training";

    public static void main(String[] args) {
        useSpringAotIfBuilt();
        var app = new SpringApplication(HallwayApplication.class);
        // The embedded database starts on a thread of its own while the context is built (ADR 0030).
        app.addListeners(new EarlyDatabaseStart());
        var context = app.run(args);
        if (context.getEnvironment().getProperty(AOT_TRAINING, Boolean.class, false)) {
            // The build's run that makes the JDK's AOT cache (ADR 0052) ends once Hallway is ready: the
            // context closes (the embedded database stops with it), then the JVM writes the cache.
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * A jar built by Maven on Java 25 carries the context's bean definitions as generated code (Spring
     * AOT, ADR 0030): use it unless {@code -Dspring.aot.enabled} says otherwise. Only from a jar: in
     * {@code target/classes} (e.g. {@code mvn spring-boot:run}) generated code may be older than the
     * sources.
     */
    private static void useSpringAotIfBuilt() {
        if (System.getProperty(AOT_ENABLED) != null) return;
        var source = HallwayApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null ? "" : String.valueOf(source.getLocation());
        boolean fromJar = location.startsWith("jar:") || location.endsWith(".jar");
        var loader = HallwayApplication.class.getClassLoader();
        if (fromJar
                && ClassUtils.isPresent(
                        HallwayApplication.class.getName() + "__ApplicationContextInitializer", loader)) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }
}
