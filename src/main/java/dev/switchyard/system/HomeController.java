package dev.switchyard.system;

import dev.switchyard.project.ProjectService;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page (the signed-in user's projects) and the login page.
 */
@Controller
class HomeController {

    private final ProjectService projects;

    HomeController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("projects",
                this.projects.visible("", false, PageRequest.of(0, 12, Sort.by(Sort.Direction.DESC, "createdAt"))));
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

}
