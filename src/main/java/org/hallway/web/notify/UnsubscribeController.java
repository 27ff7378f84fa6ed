package org.hallway.web.notify;

import jakarta.servlet.http.HttpServletResponse;
import org.hallway.notify.MailLinks;
import org.hallway.notify.Unsubscribe;
import org.hallway.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of a mail, open without signing in. Opening it asks for confirmation (mail
 * scanners that follow links must not unsubscribe anyone); the button stops that type of mail. Mail
 * programs POST to the same link in one click (RFC 8058's {@code List-Unsubscribe=One-Click}).
 */
@Controller
class UnsubscribeController {
    private final MailLinks links;
    private final Unsubscribe unsubscribe;

    UnsubscribeController(MailLinks links, Unsubscribe unsubscribe) {
        this.links = links;
        this.unsubscribe = unsubscribe;
    }

    @GetMapping("/mail/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        var subscription = links.verify(token);
        model.addAttribute("title", "Stop e-mails");
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        if (subscription.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("label", null);
        } else {
            model.addAttribute("label", subscription.get().label());
        }
        return "pages/unsubscribe";
    }

    @PostMapping("/mail/unsubscribe")
    String stop(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        model.addAttribute("title", "Stop e-mails");
        model.addAttribute("token", token);
        try {
            model.addAttribute("label", unsubscribe.handle(token).label());
            model.addAttribute("done", true);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("label", null);
            model.addAttribute("done", false);
        }
        return "pages/unsubscribe";
    }
}
