package dev.switchyard.system;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.notification.Notification;
import dev.switchyard.notification.NotificationService;
import dev.switchyard.notification.Waiting;
import dev.switchyard.project.ProjectService;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The home page (what waits for the signed-in user — notifications and the work features
 * report, such as a tester's runs to validate — and their projects) and the login page.
 */
@Controller
class HomeController {

    private final ProjectService projects;

    private final NotificationService notifications;

    private final Waiting waiting;

    HomeController(ProjectService projects, NotificationService notifications, Waiting waiting) {
        this.projects = projects;
        this.notifications = notifications;
        this.waiting = waiting;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("projects",
                this.projects.visible("", false, PageRequest.of(0, 12, Sort.by(Sort.Direction.DESC, "createdAt"))));
        model.addAttribute("notifications", this.notifications.unread(CurrentUser.require().getId()));
        model.addAttribute("waiting", this.waiting.forUser(CurrentUser.require().getId()));
        return "home";
    }

    @PostMapping("/notifications/{notificationId}/open")
    String openNotification(@PathVariable Long notificationId) {
        Notification notification = this.notifications.open(CurrentUser.require().getId(), notificationId);
        String link = notification.getLink();
        return "redirect:" + ((link != null && link.startsWith("/")) ? link : "/");
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

}
