package org.hallway.web.account;

import java.util.Map;
import org.hallway.directory.IdentitySources;
import org.hallway.identity.SetUpNetwork;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (Spring Security checks the posted form) and the one-time setup page. Until the
 * network exists, every visit ends here: signed-out visitors are sent to sign in, and sign-in sends
 * them on to setup.
 */
@Controller
class SignInController {
    private static final Map<String, String> SETUP_FIELDS = Map.of(
            "network_name", "networkName", "email", "email", "password", "password", "display_name", "displayName");

    private final SetUpNetwork setUp;
    private final IdentitySources sources;

    SignInController(SetUpNetwork setUp, IdentitySources sources) {
        this.setUp = setUp;
        this.sources = sources;
    }

    @GetMapping("/login")
    String login(@RequestParam Map<String, String> params, Model model) {
        if (setUp.needed()) return "redirect:/setup";
        String notice = null;
        String error = null;
        if (params.containsKey("error")) error = "That e-mail address and password don't match. Please try again.";
        else if (params.containsKey("locked")) error = "Too many attempts. Please wait a few minutes, then try again.";
        else if (params.containsKey("unavailable"))
            error = "The company directory didn't answer, so your password could not be checked."
                    + " Please try again in a moment.";
        else if (params.containsKey("deactivated"))
            error = "This account has been deactivated. Ask your administrator if this is a mistake.";
        else if (params.containsKey("sso"))
            error = "Single sign-on didn't work. Please try again, or ask your administrator.";
        else if (params.containsKey("logout")) notice = "You're signed out. See you soon.";
        else if (params.containsKey("ready"))
            notice = "Hallway is ready. Sign in with the administrator account you just created.";
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        model.addAttribute("ldap", sources.ldap());
        model.addAttribute("sso", sources.oidcName());
        model.addAttribute("ssoPath", sources.oidcPath());
        return "pages/login";
    }

    @GetMapping("/setup")
    String setupForm(Model model) {
        if (!setUp.needed()) return "redirect:/";
        model.addAttribute("form", Form.empty());
        return "pages/setup";
    }

    @PostMapping("/setup")
    String setup(
            @RequestParam(defaultValue = "") String networkName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName,
            Model model) {
        if (!setUp.needed()) return "redirect:/";
        var form = Form.of("networkName", networkName, "email", email, "displayName", displayName);
        try {
            setUp.handle(new SetUpNetwork.Command(networkName, email, password, displayName));
            return "redirect:/login?ready";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form.withError(e, SETUP_FIELDS));
            return "pages/setup";
        } catch (ForbiddenException e) {
            return "redirect:/";
        }
    }
}
