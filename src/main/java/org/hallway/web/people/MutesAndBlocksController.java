package org.hallway.web.people;

import java.util.List;
import java.util.Objects;
import org.hallway.audience.Visibility;
import org.hallway.follow.BlockAccount;
import org.hallway.follow.FollowStore;
import org.hallway.follow.MuteAccount;
import org.hallway.follow.RelationStore;
import org.hallway.follow.UnblockAccount;
import org.hallway.follow.UnmuteAccount;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Muting and blocking from a colleague's profile, and the settings page that lists and undoes them. */
@Controller
class MutesAndBlocksController {
    private final MuteAccount mute;
    private final UnmuteAccount unmute;
    private final BlockAccount block;
    private final UnblockAccount unblock;
    private final RelationStore relations;
    private final AccountStore accounts;
    private final Visibility audience;

    MutesAndBlocksController(
            MuteAccount mute,
            UnmuteAccount unmute,
            BlockAccount block,
            UnblockAccount unblock,
            RelationStore relations,
            AccountStore accounts,
            Visibility audience) {
        this.mute = mute;
        this.unmute = unmute;
        this.block = block;
        this.unblock = unblock;
        this.relations = relations;
        this.accounts = accounts;
        this.audience = audience;
    }

    @PostMapping("/@{username}/mute")
    String mute(Viewer viewer, @PathVariable String username) {
        var account = find(viewer, username);
        mute.handle(viewer, new MuteAccount.Command(account.id(), true, 0));
        return "redirect:/@" + account.username();
    }

    @PostMapping("/@{username}/unmute")
    String unmute(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String back) {
        var account = find(viewer, username);
        unmute.handle(viewer, account.id());
        return back(account, back);
    }

    @PostMapping("/@{username}/block")
    String block(Viewer viewer, @PathVariable String username) {
        var account = find(viewer, username);
        block.handle(viewer, account.id());
        return "redirect:/@" + account.username();
    }

    @PostMapping("/@{username}/unblock")
    String unblock(Viewer viewer, @PathVariable String username, @RequestParam(required = false) String back) {
        var account = find(viewer, username);
        unblock.handle(viewer, account.id());
        return back(account, back);
    }

    @GetMapping("/settings/muted")
    String page(Viewer viewer, Model model) {
        model.addAttribute("muted", people(viewer, relations.mutes(viewer.accountId(), PageRequest.first(40))));
        model.addAttribute("blocked", people(viewer, relations.blocks(viewer.accountId(), PageRequest.first(40))));
        return "pages/muted";
    }

    private List<Account> people(Viewer viewer, List<FollowStore.Edge> edges) {
        var found = accounts.findAll(
                viewer.networkId(),
                edges.stream().map(FollowStore.Edge::accountId).toList());
        return edges.stream()
                .map(e -> found.get(e.accountId()))
                .filter(Objects::nonNull)
                .toList();
    }

    private static String back(Account account, String back) {
        return "settings".equals(back) ? "redirect:/settings/muted" : "redirect:/@" + account.username();
    }

    private Account find(Viewer viewer, String username) {
        var account = accounts.findByUsername(viewer.networkId(), username).orElseThrow(NotFoundException::record);
        audience.requireAccountVisible(viewer, account.id());
        return account;
    }
}
