package hallway.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximum throughput, closed loop, one phase after the other on the same server: the two ceiling
 * endpoints (the cheapest JSON the server answers, without and with a token), then home-feed reads,
 * the mixed day and post creation (last: it adds rows). Every scenario is reported as a ratio to the
 * ceilings measured in this same run; bench/run.sh then runs the open-model simulations at a stated
 * fraction of these maxima. Knob {@code phases}: a comma-separated subset, in this order.
 */
public class CeilingSimulation extends Simulation {
  {
    var wanted = List.of(Knobs.knob("phases", "ceiling-anon,ceiling-auth,home,mixed,post").split(","));
    var phases = new ArrayList<PopulationBuilder>();
    if (wanted.contains("ceiling-anon")) phases.addAll(Phases.closed("ceiling-anon", Hallway::ceilingAnonymous));
    if (wanted.contains("ceiling-auth")) phases.addAll(Phases.closed("ceiling-auth", Hallway::ceilingWithToken));
    if (wanted.contains("home")) phases.addAll(Phases.closed("home", Hallway::home));
    if (wanted.contains("mixed")) phases.addAll(Phases.closed("mixed", Hallway::mixedDay));
    if (wanted.contains("post")) phases.addAll(Phases.closed("post", Hallway::post));
    setUp(Hallway.sequence(phases)).protocols(Hallway.protocol());
  }
}
