package dev.switchyard.cutover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.ProjectMember;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;

import org.springframework.stereotype.Component;

/**
 * The members of a project as the cutover sees them: user ids, names and roles, read
 * through the project module's API.
 */
@Component
class ProjectPeople {

    private final ProjectService projects;

    ProjectPeople(ProjectService projects) {
        this.projects = projects;
    }

    /**
     * @param projectId the project
     * @return its members by user id, in the order the project lists them
     */
    Map<Long, Person> of(long projectId) {
        Map<Long, Person> people = new LinkedHashMap<>();
        for (ProjectMember member : this.projects.members(projectId)) {
            AppUser user = member.getUser();
            people.computeIfAbsent(user.getId(), (id) -> new Person(id, user.getUsername(), new TreeSet<>()))
                .roles()
                .add(member.getRole());
        }
        return people;
    }

    /**
     * A member with their roles.
     *
     * @param id the user id
     * @param username the user name
     * @param roles the roles held in the project
     */
    record Person(long id, String username, Set<ProjectRole> roles) {
    }

}
