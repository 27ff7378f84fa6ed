package org.hallway.web.people;

import java.util.Locale;
import org.hallway.identity.PreferredLocale;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.hallway.web.Form;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The colleague's interface language: the web UI's, their mails' and their apps' pushes'. */
@Controller
class LanguageSettingsController {
    private final PreferredLocale locales;

    LanguageSettingsController(PreferredLocale locales) {
        this.locales = locales;
    }

    @GetMapping("/settings/language")
    String show(Viewer viewer, Model model) {
        if (!model.containsAttribute("form")) {
            var chosen = locales.chosen(viewer.accountId());
            model.addAttribute("form", Form.of("language", chosen == null ? "" : chosen));
        }
        return render(model);
    }

    @PostMapping("/settings/language")
    String save(
            Viewer viewer,
            @RequestParam(defaultValue = "") String language,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse res) {
        try {
            locales.change(viewer.networkId(), viewer.accountId(), language);
        } catch (InvalidInputException e) {
            res.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", Form.of("language", language).withError(e, java.util.Map.of()));
            return render(model);
        }
        redirect.addFlashAttribute("notice", "Your language is saved.");
        return "redirect:/settings/language";
    }

    private String render(Model model) {
        model.addAttribute("title", "Language");
        model.addAttribute("networkDefault", name(locales.networkDefault()));
        model.addAttribute(
                "choices",
                PreferredLocale.OFFERED.stream()
                        .map(t -> new LanguageChoice(t, name(t)))
                        .toList());
        return "pages/language-settings";
    }

    private static String name(String tag) {
        var locale = Locale.forLanguageTag(tag);
        var own = locale.getDisplayName(locale);
        return own.isEmpty() ? tag : own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }
}
