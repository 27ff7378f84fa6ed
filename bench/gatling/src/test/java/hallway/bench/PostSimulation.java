package hallway.bench;

import io.gatling.javaapi.core.Simulation;

/** Post creation ({@code POST /api/v1/statuses}, hashtag + mention) at a fixed arrival rate (knob {@code rate}). */
public class PostSimulation extends Simulation {
  {
    setUp(Hallway.sequence(Phases.open("post-open", Knobs.rate(), Hallway::post))).protocols(Hallway.protocol());
  }
}
