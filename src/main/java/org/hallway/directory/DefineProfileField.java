package org.hallway.directory;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator adds a typed field to every profile of the network. */
@Service
public class DefineProfileField {
    /** {@code choices}: one per line or comma-separated, for the list-of-choices type. */
    public record Command(String name, String type, String choices, boolean directoryFed) {}

    private final ProfileStore profiles;
    private final Ids ids;
    private final Clock clock;

    DefineProfileField(ProfileStore profiles, Ids ids, Clock clock) {
        this.profiles = profiles;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public ProfileFieldDefinition handle(Viewer viewer, Command cmd) {
        if (!viewer.admin()) throw new ForbiddenException("Only administrators define profile fields");
        var name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) throw new InvalidInputException("name", "Name can't be blank");
        if (name.length() > 60) throw new InvalidInputException("name", "Name is too long (at most 60 characters)");
        ProfileFieldDefinition.Type type;
        try {
            type = ProfileFieldDefinition.Type.of(cmd.type() == null ? "" : cmd.type());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "Choose a type: text, link, date, person or choice");
        }
        List<String> choices = List.of();
        if (type == ProfileFieldDefinition.Type.CHOICE) {
            var set = new LinkedHashSet<String>();
            Arrays.stream((cmd.choices() == null ? "" : cmd.choices()).split("[,\\n]"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(set::add);
            if (set.size() < 2) throw new InvalidInputException("choices", "Give at least two choices");
            if (set.stream().anyMatch(s -> s.length() > 100))
                throw new InvalidInputException("choices", "Each choice has at most 100 characters");
            choices = List.copyOf(set);
        }
        boolean taken = profiles.definitions(viewer.networkId()).stream()
                .anyMatch(d -> d.name().equalsIgnoreCase(name));
        if (taken) throw new InvalidInputException("name", "A field with this name exists already");
        var definition =
                new ProfileFieldDefinition(ids.next(), viewer.networkId(), name, type, choices, cmd.directoryFed(), 0);
        profiles.insertDefinition(definition, clock.instant());
        return definition;
    }
}
