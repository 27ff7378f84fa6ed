package org.hallway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hallway: an enterprise microblogging server. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HallwayApplication {
    public static void main(String[] args) {
        SpringApplication.run(HallwayApplication.class, args);
    }
}
