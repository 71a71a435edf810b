package dev.switchyard.admin;

import java.time.Instant;
import java.util.Arrays;

import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of users: create, disable and enable, reset passwords, grant the admin
 * role and project roles.
 */
@Controller
class AdminUserController {

    private static final int PAGE_SIZE = 25;

    private final UserService users;

    private final ProjectService projects;

    AdminUserController(UserService users, ProjectService projects) {
        this.users = users;
        this.projects = projects;
    }

    @GetMapping({ "/admin", "/admin/users" })
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", this.users.search(q,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Order.asc("username").ignoreCase()))));
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String createForm(Model model) {
        model.addAttribute("form", new UserForm());
        return "admin/user-form";
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("form") UserForm form, BindingResult result, RedirectAttributes redirect) {
        try {
            AppUser user = this.users.create(form.getUsername(), form.getPassword(), form.getDisplayName(),
                    form.isAdmin());
            redirect.addFlashAttribute("flash", "User '" + user.getUsername() + "' created.");
            return "redirect:/admin/users/" + user.getId();
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            return "admin/user-form";
        }
    }

    @GetMapping("/admin/users/{userId}")
    String detail(@PathVariable Long userId, Model model) {
        page(userId, model);
        model.addAttribute("passwordForm", new PasswordForm());
        model.addAttribute("roleForm", new RoleGrantForm());
        return "admin/user";
    }

    @PostMapping("/admin/users/{userId}/enabled")
    String setEnabled(@PathVariable Long userId, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return change(userId, redirect, () -> this.users.setEnabled(userId, enabled),
                enabled ? "User enabled." : "User disabled.");
    }

    @PostMapping("/admin/users/{userId}/admin")
    String setAdmin(@PathVariable Long userId, @RequestParam boolean admin, RedirectAttributes redirect) {
        return change(userId, redirect, () -> this.users.setAdmin(userId, admin),
                admin ? "Administrator role granted." : "Administrator role withdrawn.");
    }

    @PostMapping("/admin/users/{userId}/password")
    String resetPassword(@PathVariable Long userId, @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            if (!form.confirmed()) {
                throw new InvalidInputException("confirmPassword", "The two new passwords differ");
            }
            this.users.resetPassword(userId, form.getNewPassword());
            redirect.addFlashAttribute("flash", "Password reset; any lock is lifted.");
            return "redirect:/admin/users/" + userId;
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            page(userId, model);
            model.addAttribute("roleForm", new RoleGrantForm());
            return "admin/user";
        }
    }

    @PostMapping("/admin/users/{userId}/roles")
    String grantRole(@PathVariable Long userId, @ModelAttribute("roleForm") RoleGrantForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        AppUser user = this.users.get(userId);
        try {
            if (form.getProjectId() == null) {
                throw new InvalidInputException("projectId", "Choose a project");
            }
            this.projects.get(form.getProjectId());
            this.projects.addMember(form.getProjectId(), user.getUsername(), form.getRole());
            redirect.addFlashAttribute("flash", "Role granted.");
            return "redirect:/admin/users/" + userId;
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            page(userId, model);
            model.addAttribute("passwordForm", new PasswordForm());
            return "admin/user";
        }
    }

    private String change(Long userId, RedirectAttributes redirect, Runnable action, String message) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message);
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/admin/users/" + userId;
    }

    private void page(Long userId, Model model) {
        AppUser user = this.users.get(userId);
        model.addAttribute("user", user);
        model.addAttribute("locked", user.isLockedAt(Instant.now()));
        model.addAttribute("memberships", this.projects.membershipsOf(userId));
        model.addAttribute("allProjects",
                this.projects.visible("", false, PageRequest.of(0, 500, Sort.by(Sort.Order.asc("name").ignoreCase())))
                    .getContent());
        model.addAttribute("projectRoles", Arrays.stream(ProjectRole.values()).map(Enum::name).toList());
    }

}
