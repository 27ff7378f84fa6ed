package org.hallway.web.admin;

import java.util.Map;
import org.hallway.directory.CreateScimToken;
import org.hallway.directory.RevokeScimToken;
import org.hallway.directory.ScimTokenStore;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Administration of SCIM provisioning: the address and tokens to give an identity provider (Okta,
 * Microsoft Entra ID). A new token's secret is shown once, in the answer to its creation, and never
 * stored.
 */
@Controller
class ProvisioningController {
    private final ScimTokenStore tokens;
    private final CreateScimToken create;
    private final RevokeScimToken revoke;

    ProvisioningController(ScimTokenStore tokens, CreateScimToken create, RevokeScimToken revoke) {
        this.tokens = tokens;
        this.create = create;
        this.revoke = revoke;
    }

    @GetMapping("/admin/provisioning")
    String page(Viewer viewer, Model model) {
        if (!model.containsAttribute("form")) model.addAttribute("form", Form.empty());
        model.addAttribute("title", "Provisioning");
        model.addAttribute(
                "scimUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/scim/v2")
                        .toUriString());
        model.addAttribute("tokens", tokens.list(viewer.networkId()));
        return "pages/admin-provisioning";
    }

    @PostMapping("/admin/provisioning/tokens")
    String create(Viewer viewer, @RequestParam Map<String, String> p, Model model) {
        try {
            var created = create.handle(viewer, p.get("name"));
            model.addAttribute("created", created);
        } catch (InvalidInputException e) {
            model.addAttribute("form", Form.of("name", p.get("name")).withError(e, Map.of()));
        }
        return page(viewer, model);
    }

    @PostMapping("/admin/provisioning/tokens/{id}/revoke")
    String revoke(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        revoke.handle(viewer, id);
        redirect.addFlashAttribute(
                "notice", "The token is revoked; the identity provider using it is refused from now on.");
        return "redirect:/admin/provisioning";
    }
}
