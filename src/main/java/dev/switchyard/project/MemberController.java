package dev.switchyard.project;

import java.util.Arrays;

import dev.switchyard.admin.UserService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The members tab: who holds which role in the project. Analysts and administrators grant
 * and withdraw roles; nobody grants a role to themselves.
 */
@Controller
class MemberController {

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final UserService users;

    MemberController(ProjectService projects, ProjectAccess access, WorkspaceModel workspace, UserService users) {
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
        this.users = users;
    }

    @GetMapping("/projects/{projectId}/members")
    String members(@PathVariable Long projectId, Model model) {
        page(projectId, model);
        model.addAttribute("form", new MemberForm());
        return "project/members";
    }

    @PostMapping("/projects/{projectId}/members")
    String add(@PathVariable Long projectId, @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            ProjectMember member = this.projects.addMember(projectId, form.getUsername(), form.getRole());
            redirect.addFlashAttribute("flash",
                    member.getUser().getUsername() + " is now " + member.getRole() + " in this project.");
            return "redirect:/projects/" + projectId + "/members";
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            page(projectId, model);
            return "project/members";
        }
    }

    @PostMapping("/projects/{projectId}/members/{memberId}/delete")
    String remove(@PathVariable Long projectId, @PathVariable Long memberId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.projects.removeMember(projectId, memberId);
        redirect.addFlashAttribute("flash", "Role withdrawn.");
        return "redirect:/projects/" + projectId + "/members";
    }

    private void page(Long projectId, Model model) {
        this.workspace.fill(projectId, model, "members");
        model.addAttribute("members", this.projects.members(projectId));
        model.addAttribute("projectRoles", Arrays.stream(ProjectRole.values()).map(Enum::name).toList());
        model.addAttribute("usernames",
                this.users.search("", PageRequest.of(0, 500, Sort.by("username")))
                    .map((u) -> u.getUsername())
                    .getContent());
    }

}
