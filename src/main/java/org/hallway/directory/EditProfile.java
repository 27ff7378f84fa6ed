package org.hallway.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hallway.follow.TagName;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.identity.UpdateProfile;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A colleague edits their profile: name, bio and work context, phone, their own fields, skills and
 * the administrator's typed fields. A null part keeps its value. What the company directory feeds
 * stays read-only for people whose account comes from it. Everything is checked before anything is
 * stored, and every broken rule is reported at once.
 */
@Service
public class EditProfile {
    static final int MAX_FIELDS = 4;
    static final int MAX_SKILLS = 20;

    public record Command(
            @Nullable String displayName,
            @Nullable String bio,
            @Nullable String title,
            @Nullable String department,
            @Nullable String location,
            @Nullable String phone,
            @Nullable List<ColleagueProfile.Field> fields,
            @Nullable List<String> skills,
            @Nullable Map<Long, String> values) {

        public static Command of(
                @Nullable String displayName,
                @Nullable String bio,
                @Nullable String title,
                @Nullable String department,
                @Nullable String location,
                @Nullable String phone) {
            return new Command(displayName, bio, title, department, location, phone, null, null, null);
        }

        public Command withFields(@Nullable List<ColleagueProfile.Field> fields) {
            return new Command(displayName, bio, title, department, location, phone, fields, skills, values);
        }

        public Command withSkills(@Nullable List<String> skills) {
            return new Command(displayName, bio, title, department, location, phone, fields, skills, values);
        }

        public Command withValues(@Nullable Map<Long, String> values) {
            return new Command(displayName, bio, title, department, location, phone, fields, skills, values);
        }
    }

    private final AccountStore accounts;
    private final ProfileStore profiles;
    private final UpdateProfile updateProfile;

    EditProfile(AccountStore accounts, ProfileStore profiles, UpdateProfile updateProfile) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.updateProfile = updateProfile;
    }

    @Transactional
    public Account handle(Viewer viewer, Command cmd) {
        var account = accounts.find(viewer.networkId(), viewer.accountId()).orElseThrow(NotFoundException::record);
        var profile = profiles.find(viewer.networkId(), account.id());
        var errors = new ProfileErrors.Collector();
        if (profile.directoryFed()) {
            locked(errors, "display_name", "Display name", cmd.displayName(), account.displayName());
            locked(errors, "title", "Title", cmd.title(), account.title());
            locked(errors, "department", "Department", cmd.department(), account.department());
            locked(errors, "location", "Location", cmd.location(), account.location());
            locked(errors, "phone", "Phone", cmd.phone(), profile.phone());
        }
        String phone = null;
        if (cmd.phone() != null) {
            try {
                phone = ProfileValues.phone(cmd.phone());
            } catch (InvalidInputException e) {
                errors.add(e);
            }
        }
        var fields = cmd.fields() == null ? null : fields(cmd.fields(), errors);
        var skills = cmd.skills() == null ? null : skills(cmd.skills(), errors);
        var values = cmd.values() == null ? null : values(viewer, profile, cmd.values(), errors);
        Account updated = account;
        try {
            updated = updateProfile.handle(
                    viewer,
                    new UpdateProfile.Command(
                            cmd.displayName(), cmd.bio(), cmd.title(), cmd.department(), cmd.location()));
        } catch (InvalidInputException e) {
            errors.add(e);
        }
        // Throwing rolls back the profile update above: nothing is half-stored.
        errors.throwIfAny();
        if (phone != null) profiles.savePhone(viewer.networkId(), account.id(), phone);
        if (fields != null) profiles.saveFields(viewer.networkId(), account.id(), fields);
        if (skills != null) profiles.saveSkills(viewer.networkId(), account.id(), skills);
        if (values != null) profiles.saveValues(viewer.networkId(), account.id(), values);
        return updated;
    }

    private static void locked(
            ProfileErrors.Collector errors, String field, String label, @Nullable String wanted, String current) {
        if (wanted != null && !wanted.strip().equals(current)) {
            errors.add(field, label + " comes from the company directory and can't be changed here");
        }
    }

    private static List<ColleagueProfile.Field> fields(
            List<ColleagueProfile.Field> given, ProfileErrors.Collector errors) {
        var kept = new ArrayList<ColleagueProfile.Field>();
        for (var f : given) {
            if (f == null) continue;
            var name = f.name() == null ? "" : f.name().strip();
            var value = f.value() == null ? "" : f.value().strip();
            if (name.isEmpty() && value.isEmpty()) continue;
            if (name.isEmpty()) {
                errors.add("fields", "Each profile field needs a label");
            } else if (name.codePointCount(0, name.length()) > ProfileValues.MAX_TEXT
                    || value.codePointCount(0, value.length()) > ProfileValues.MAX_TEXT) {
                errors.add("fields", "Profile field labels and values have at most 255 characters");
            }
            kept.add(new ColleagueProfile.Field(name, value));
        }
        if (kept.size() > MAX_FIELDS) errors.add("fields", "A profile has at most " + MAX_FIELDS + " fields");
        return kept;
    }

    private static List<String> skills(List<String> given, ProfileErrors.Collector errors) {
        var kept = new LinkedHashSet<String>();
        for (var raw : given) {
            if (raw == null) continue;
            for (var part : raw.split(",")) {
                if (part.isBlank()) continue;
                try {
                    kept.add(TagName.of(part));
                } catch (InvalidInputException e) {
                    errors.add(
                            "skills",
                            "“" + part.strip()
                                    + "” is not a valid skill: use letters, digits and underscores, like a hashtag");
                }
            }
        }
        if (kept.size() > MAX_SKILLS) errors.add("skills", "A profile lists at most " + MAX_SKILLS + " skills");
        return List.copyOf(kept);
    }

    private Map<Long, String> values(
            Viewer viewer, ColleagueProfile profile, Map<Long, String> given, ProfileErrors.Collector errors) {
        var result = new LinkedHashMap<Long, String>();
        for (var d : profiles.definitions(viewer.networkId())) {
            if (!given.containsKey(d.id())) continue;
            var raw = given.get(d.id());
            if (d.directoryFed() && profile.directoryFed()) {
                if (!Objects.equals(blankToEmpty(raw), blankToEmpty(profile.value(d.id())))) {
                    errors.add(d.param(), d.name() + " comes from the company directory and can't be changed here");
                }
                continue;
            }
            try {
                result.put(d.id(), ProfileValues.typed(d, raw, viewer.networkId(), accounts));
            } catch (InvalidInputException e) {
                errors.add(e);
            }
        }
        return result;
    }

    private static String blankToEmpty(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
