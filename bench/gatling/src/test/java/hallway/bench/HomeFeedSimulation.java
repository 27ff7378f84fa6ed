package hallway.bench;

import io.gatling.javaapi.core.Simulation;

/** Home-feed reads ({@code GET /api/v1/timelines/home?limit=20}) at a fixed arrival rate (knob {@code rate}). */
public class HomeFeedSimulation extends Simulation {
  {
    setUp(Hallway.sequence(Phases.open("home-open", Knobs.rate(), Hallway::home))).protocols(Hallway.protocol());
  }
}
