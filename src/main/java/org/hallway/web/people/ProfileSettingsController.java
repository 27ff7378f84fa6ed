package org.hallway.web.people;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.directory.ColleagueProfile;
import org.hallway.directory.EditProfile;
import org.hallway.directory.ProfileErrors;
import org.hallway.directory.ProfileFieldDefinition;
import org.hallway.directory.ProfileStore;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.identity.ChangeAvatar;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in colleague edits their profile and picture. Fields the company directory feeds are
 * shown read-only to people whose account comes from it.
 */
@Controller
class ProfileSettingsController {
    static final int FIELD_ROWS = 4;
    /** The domain's names for inputs, mapped onto this form's. */
    private static final Map<String, String> ALIASES = Map.of("display_name", "displayName", "note", "bio");

    private final AccountStore accounts;
    private final ProfileStore profiles;
    private final EditProfile edit;
    private final ChangeAvatar changeAvatar;
    private final People people;

    ProfileSettingsController(
            AccountStore accounts, ProfileStore profiles, EditProfile edit, ChangeAvatar changeAvatar, People people) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.edit = edit;
        this.changeAvatar = changeAvatar;
        this.people = people;
    }

    @GetMapping("/settings/profile")
    String show(Viewer viewer, Model model) {
        var account = me(viewer);
        if (!model.containsAttribute("form")) model.addAttribute("form", current(viewer, account));
        return render(viewer, account, model);
    }

    @PostMapping("/settings/profile")
    String save(Viewer viewer, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        var account = me(viewer);
        var definitions = profiles.definitions(viewer.networkId());
        var fields = new ArrayList<ColleagueProfile.Field>();
        for (int i = 0; i < FIELD_ROWS; i++) {
            fields.add(new ColleagueProfile.Field(
                    p.getOrDefault("field_name_" + i, ""), p.getOrDefault("field_value_" + i, "")));
        }
        var values = new LinkedHashMap<Long, String>();
        for (var d : definitions) {
            if (p.containsKey(d.param())) values.put(d.id(), p.get(d.param()));
        }
        var command = EditProfile.Command.of(
                        p.get("displayName"),
                        p.get("bio"),
                        p.get("title"),
                        p.get("department"),
                        p.get("location"),
                        p.get("phone"))
                .withFields(fields)
                .withSkills(List.of(p.getOrDefault("skills", "")))
                .withValues(values);
        try {
            edit.handle(viewer, command);
        } catch (ProfileErrors e) {
            var errors = new HashMap<String, String>();
            e.errors().forEach((k, v) -> errors.put(ALIASES.getOrDefault(k, k), v));
            model.addAttribute("form", new Form(Map.copyOf(p), Map.copyOf(errors)));
            return render(viewer, account, model);
        } catch (InvalidInputException e) {
            model.addAttribute("form", new Form(Map.copyOf(p), Map.of()).withError(e, ALIASES));
            return render(viewer, account, model);
        }
        redirect.addFlashAttribute("notice", "Your profile is saved.");
        return "redirect:/settings/profile";
    }

    @PostMapping("/settings/avatar")
    String avatar(
            Viewer viewer,
            @RequestParam(name = "avatar", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var account = me(viewer);
        try {
            var bytes = file == null ? new byte[0] : file.getBytes();
            changeAvatar.handle(viewer, changeAvatar.prepare(bytes));
        } catch (InvalidInputException e) {
            model.addAttribute("form", current(viewer, account).withError(e, ALIASES));
            return render(viewer, account, model);
        }
        redirect.addFlashAttribute("notice", "Your new picture is saved.");
        return "redirect:/settings/profile";
    }

    private String render(Viewer viewer, Account account, Model model) {
        var profile = profiles.find(viewer.networkId(), account.id());
        model.addAttribute("title", "Edit profile");
        model.addAttribute("person", people.person(viewer, account));
        model.addAttribute("directoryFed", profile.directoryFed());
        model.addAttribute(
                "typed",
                profiles.definitions(viewer.networkId()).stream()
                        .map(d -> new TypedField(d, d.directoryFed() && profile.directoryFed()))
                        .toList());
        model.addAttribute(
                "rows", java.util.stream.IntStream.range(0, FIELD_ROWS).boxed().toList());
        // A fresh query string after an upload makes the browser fetch the new picture at once.
        model.addAttribute("avatar", people.person(viewer, account).avatar() + "?v=" + System.currentTimeMillis());
        return "pages/profile-settings";
    }

    private Form current(Viewer viewer, Account account) {
        var profile = profiles.find(viewer.networkId(), account.id());
        var values = new HashMap<String, String>();
        values.put("displayName", account.displayName());
        values.put("bio", account.bio());
        values.put("title", account.title());
        values.put("department", account.department());
        values.put("location", account.location());
        values.put("phone", profile.phone());
        values.put("skills", String.join(", ", profile.skills()));
        for (int i = 0; i < profile.fields().size(); i++) {
            values.put("field_name_" + i, profile.fields().get(i).name());
            values.put("field_value_" + i, profile.fields().get(i).value());
        }
        for (var d : profiles.definitions(viewer.networkId())) {
            var v = profile.value(d.id());
            if (v == null) continue;
            if (d.type() == ProfileFieldDefinition.Type.PERSON) {
                v = accounts.find(viewer.networkId(), Long.parseLong(v))
                        .map(a -> "@" + a.username())
                        .orElse("");
            }
            values.put(d.param(), v);
        }
        return new Form(Map.copyOf(values), Map.of());
    }

    private Account me(Viewer viewer) {
        return accounts.find(viewer.networkId(), viewer.accountId()).orElseThrow(NotFoundException::record);
    }
}
