package org.hallway.stream.internal;

import org.hallway.stream.Broker;
import org.hallway.stream.LiveEvent;
import org.hallway.stream.Switchboard;
import org.springframework.stereotype.Component;

/** The single-node broker: every event goes straight to this node's switchboard. */
@Component
class InProcessBroker implements Broker {
    private final Switchboard switchboard;

    InProcessBroker(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    @Override
    public void publish(LiveEvent event) {
        switchboard.dispatch(event);
    }
}
