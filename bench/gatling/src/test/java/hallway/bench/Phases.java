package hallway.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.List;

/** The two workload models, each as a warm-up phase followed by the measured phase. */
final class Phases {
  private Phases() {}

  /**
   * Closed loop (maximum throughput): {@code concurrency} virtual users, each sending its next request
   * as soon as the previous one answered. Requests named {@code warmup <name>} and {@code <name>}.
   */
  static List<PopulationBuilder> closed(String name, Hallway.Chain chain) {
    int users = Knobs.concurrency();
    return List.of(
        scenario("warmup " + name)
            .exec(chain.apply("warmup " + name))
            .injectClosed(constantConcurrentUsers(users).during(Knobs.warmup())),
        scenario(name).exec(chain.apply(name)).injectClosed(constantConcurrentUsers(users).during(Knobs.duration())));
  }

  /**
   * Open model (fixed arrival rate): {@code rate} new requests per second whether or not earlier ones
   * answered, so queueing shows in the latency instead of slowing the generator down.
   *
   * <p>The warm-up climbs from a tenth of the rate to the full rate. Each simulation runs in a new
   * Gatling JVM on the server's two cores: offered the full rate from its first second, the generator's
   * own JIT took 1.5 of them for several seconds, the server fell behind, and Gatling's shared pool
   * opened a connection for every request still waiting (8,192 within 5 s, Tomcat's limit). What was
   * measured then was the two JVMs fighting for the cores, not the server at that rate.
   */
  static List<PopulationBuilder> open(String name, double rate, Hallway.Chain chain) {
    return List.of(
        scenario("warmup " + name)
            .exec(chain.apply("warmup " + name))
            .injectOpen(rampUsersPerSec(rate / 10).to(rate).during(Knobs.warmup())),
        scenario(name).exec(chain.apply(name)).injectOpen(constantUsersPerSec(rate).during(Knobs.duration())));
  }
}
