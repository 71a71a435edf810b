package dev.switchyard.admin;

import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's profile: their own password and personal access tokens.
 */
@Controller
class ProfileController {

    private final UserService users;

    private final AccessTokenService tokens;

    ProfileController(UserService users, AccessTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        page(model);
        model.addAttribute("passwordForm", new PasswordForm());
        model.addAttribute("tokenForm", new TokenForm());
        return "profile/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SwitchyardPrincipal me = CurrentUser.require();
        try {
            if (!form.confirmed()) {
                throw new InvalidInputException("confirmPassword", "The two new passwords differ");
            }
            this.users.changeOwnPassword(me.getUsername(), form.getCurrentPassword(), form.getNewPassword());
            redirect.addFlashAttribute("flash", "Your password has been changed.");
            return "redirect:/profile";
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            page(model);
            model.addAttribute("tokenForm", new TokenForm());
            return "profile/profile";
        }
    }

    @PostMapping("/profile/tokens")
    String createToken(@ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model) {
        SwitchyardPrincipal me = CurrentUser.require();
        try {
            AccessTokenService.CreatedToken created = this.tokens.create(me.getId(), form.getName(),
                    form.getValidDays());
            model.addAttribute("newToken", created.token());
            model.addAttribute("tokenForm", new TokenForm());
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
        }
        page(model);
        model.addAttribute("passwordForm", new PasswordForm());
        return "profile/profile";
    }

    @PostMapping("/profile/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable Long tokenId, RedirectAttributes redirect) {
        this.tokens.revoke(CurrentUser.require().getId(), tokenId);
        redirect.addFlashAttribute("flash", "Token revoked.");
        return "redirect:/profile";
    }

    private void page(Model model) {
        SwitchyardPrincipal me = CurrentUser.require();
        model.addAttribute("user", this.users.get(me.getId()));
        model.addAttribute("tokens", this.tokens.list(me.getId()));
    }

}
