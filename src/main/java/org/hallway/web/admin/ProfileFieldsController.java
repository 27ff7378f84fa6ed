package org.hallway.web.admin;

import java.util.Map;
import org.hallway.directory.DefineProfileField;
import org.hallway.directory.ProfileFieldDefinition;
import org.hallway.directory.ProfileStore;
import org.hallway.directory.RemoveProfileField;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: the typed fields every profile of the network has. */
@Controller
class ProfileFieldsController {
    private final ProfileStore profiles;
    private final DefineProfileField define;
    private final RemoveProfileField remove;

    ProfileFieldsController(ProfileStore profiles, DefineProfileField define, RemoveProfileField remove) {
        this.profiles = profiles;
        this.define = define;
        this.remove = remove;
    }

    @GetMapping("/admin/profile-fields")
    String list(Viewer viewer, Model model) {
        if (!model.containsAttribute("form")) model.addAttribute("form", Form.of("type", "text"));
        model.addAttribute("title", "Profile fields");
        model.addAttribute("definitions", profiles.definitions(viewer.networkId()));
        model.addAttribute("types", ProfileFieldDefinition.Type.values());
        return "pages/admin-profile-fields";
    }

    @PostMapping("/admin/profile-fields")
    String add(Viewer viewer, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        try {
            var d = define.handle(
                    viewer,
                    new DefineProfileField.Command(
                            p.get("name"), p.get("type"), p.get("choices"), p.containsKey("directoryFed")));
            redirect.addFlashAttribute("notice", "Every profile now has the field “" + d.name() + "”.");
            return "redirect:/admin/profile-fields";
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "form",
                    Form.of("name", p.get("name"), "type", p.get("type"), "choices", p.get("choices"))
                            .withError(e, Map.of()));
            return list(viewer, model);
        }
    }

    @PostMapping("/admin/profile-fields/{id}/remove")
    String remove(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        var d = remove.handle(viewer, id);
        redirect.addFlashAttribute("notice", "The field “" + d.name() + "” is removed from every profile.");
        return "redirect:/admin/profile-fields";
    }
}
