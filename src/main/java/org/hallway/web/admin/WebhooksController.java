package org.hallway.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.groups.FindGroups;
import org.hallway.groups.GroupPrivacy;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.hallway.web.Form;
import org.hallway.webhooks.CreateWebhook;
import org.hallway.webhooks.ListWebhooks;
import org.hallway.webhooks.RemoveWebhook;
import org.hallway.webhooks.WebhookEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: outgoing webhooks and the log of what was sent to them. */
@Controller
class WebhooksController {
    private static final int LOG = 50;

    private final ListWebhooks list;
    private final CreateWebhook create;
    private final RemoveWebhook remove;
    private final FindGroups groups;

    WebhooksController(ListWebhooks list, CreateWebhook create, RemoveWebhook remove, FindGroups groups) {
        this.list = list;
        this.create = create;
        this.remove = remove;
        this.groups = groups;
    }

    @GetMapping("/admin/webhooks")
    String page(Viewer viewer, Model model) {
        if (!model.containsAttribute("form")) model.addAttribute("form", Form.of("events", ""));
        model.addAttribute("title", "Webhooks");
        model.addAttribute("hooks", list.hooks(viewer));
        model.addAttribute("deliveries", list.deliveries(viewer, null, LOG));
        model.addAttribute("events", WebhookEvent.values());
        model.addAttribute(
                "groups",
                groups.directory(viewer, false).stream()
                        .filter(g -> g.group().privacy() == GroupPrivacy.PUBLIC)
                        .map(g -> new GroupChoice(g.group().id(), g.group().name()))
                        .toList());
        return "pages/admin-webhooks";
    }

    @PostMapping("/admin/webhooks")
    String add(Viewer viewer, @RequestParam MultiValueMap<String, String> p, Model model, RedirectAttributes redirect) {
        var events = p.getOrDefault("events", List.of());
        try {
            var groupId = p.getFirst("group");
            var hook = create.handle(
                    viewer,
                    new CreateWebhook.Command(
                            p.getFirst("url"),
                            events,
                            p.getFirst("secret"),
                            groupId == null || groupId.isBlank() ? null : parse(groupId),
                            p.getFirst("hashtag")));
            redirect.addFlashAttribute(
                    "notice", "Events now go to " + hook.url() + ". Its secret (shown only now): " + hook.secret());
            return "redirect:/admin/webhooks";
        } catch (InvalidInputException e) {
            var values = new ArrayList<String>(
                    List.of("url", nonNull(p.getFirst("url")), "hashtag", nonNull(p.getFirst("hashtag"))));
            values.addAll(List.of("group", nonNull(p.getFirst("group")), "events", String.join(",", events)));
            model.addAttribute(
                    "form", Form.of(values.toArray(String[]::new)).withError(e, Map.of("group_id", "group")));
            return page(viewer, model);
        }
    }

    @PostMapping("/admin/webhooks/{id}/remove")
    String remove(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        remove.handle(viewer, id);
        redirect.addFlashAttribute("notice", "The webhook is removed.");
        return "redirect:/admin/webhooks";
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("group_id", "No such group");
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
