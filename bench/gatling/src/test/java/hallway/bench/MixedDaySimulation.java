package hallway.bench;

import io.gatling.javaapi.core.Simulation;

/**
 * A working day at a fixed arrival rate (knob {@code rate}, arrivals per second): reads 20 to 1 write,
 * home feeds, notifications, profile views and searches beside post creation ({@link Hallway#mixedDay}).
 */
public class MixedDaySimulation extends Simulation {
  {
    setUp(Hallway.sequence(Phases.open("mixed-open", Knobs.rate(), Hallway::mixedDay))).protocols(Hallway.protocol());
  }
}
