package org.hallway.web.notify;

import java.util.List;
import java.util.Map;
import org.hallway.notify.ChangeNotificationSettings;
import org.hallway.notify.NotificationSettings;
import org.hallway.notify.NotificationSettingsStore;
import org.hallway.notify.NotificationType;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings, notifications section: which types in the app and by mail, and quiet hours. */
@Controller
class NotificationSettingsController {
    private final NotificationSettingsStore settings;
    private final ChangeNotificationSettings change;

    NotificationSettingsController(NotificationSettingsStore settings, ChangeNotificationSettings change) {
        this.settings = settings;
        this.change = change;
    }

    @GetMapping("/settings/notifications")
    String page(Viewer viewer, Model model) {
        var current = settings.of(viewer.accountId());
        if (!model.containsAttribute("form")) model.addAttribute("form", form(current));
        model.addAttribute("title", "Notification settings");
        model.addAttribute("types", NotificationType.offered());
        model.addAttribute("current", current);
        return "pages/notification-settings";
    }

    @PostMapping("/settings/notifications")
    String save(
            Viewer viewer,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var form = Form.of(
                "quietFrom", params.getFirst("quietFrom"),
                "quietUntil", params.getFirst("quietUntil"),
                "timeZone", params.getFirst("timeZone"));
        try {
            change.handle(
                    viewer,
                    new ChangeNotificationSettings.Command(
                            list(params, "inApp"),
                            list(params, "byMail"),
                            params.getFirst("quietFrom"),
                            params.getFirst("quietUntil"),
                            params.getFirst("timeZone"),
                            params.getFirst("digest")));
            redirect.addFlashAttribute("notice", "Your notification settings are saved.");
            return "redirect:/settings/notifications";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form.withError(e, Map.of()));
            return page(viewer, model);
        }
    }

    private static List<String> list(MultiValueMap<String, String> params, String name) {
        var values = params.get(name);
        return values == null ? List.of() : values;
    }

    private static Form form(NotificationSettings s) {
        return Form.of(
                "quietFrom", s.quietFrom() == null ? "" : s.quietFrom().toString(),
                "quietUntil", s.quietUntil() == null ? "" : s.quietUntil().toString(),
                "timeZone", s.zone().getId());
    }
}
