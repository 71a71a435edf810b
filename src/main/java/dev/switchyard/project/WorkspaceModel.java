package dev.switchyard.project;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model for a page in a project workspace: the project, the tab and the
 * signed-in user's roles there. Every feature's workspace controller uses it.
 */
@Component
public class WorkspaceModel {

    private final ProjectService projects;

    private final ProjectAccess access;

    WorkspaceModel(ProjectService projects, ProjectAccess access) {
        this.projects = projects;
        this.access = access;
    }

    /**
     * @param projectId the project
     * @param model the model
     * @param tab the tab shown
     * @return the project
     */
    public Project fill(Long projectId, Model model, String tab) {
        Project project = this.projects.get(projectId);
        model.addAttribute("project", project);
        model.addAttribute("tab", tab);
        Set<ProjectRole> roles = this.access.rolesOfCurrentUser(projectId);
        model.addAttribute("roles", roles);
        model.addAttribute("analyst", roles.contains(ProjectRole.ANALYST));
        model.addAttribute("stakeholder", roles.contains(ProjectRole.STAKEHOLDER));
        model.addAttribute("tester", roles.contains(ProjectRole.TESTER));
        return project;
    }

}
