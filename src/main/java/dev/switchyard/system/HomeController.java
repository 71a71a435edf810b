package dev.switchyard.system;

import java.util.List;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.admin.SwitchyardPrincipal;
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

    private final BackgroundTasks background;

    HomeController(ProjectService projects, NotificationService notifications, Waiting waiting,
            BackgroundTasks background) {
        this.projects = projects;
        this.notifications = notifications;
        this.waiting = waiting;
        this.background = background;
    }

    /**
     * The home page. While background work runs (the demo project on a first start),
     * administrators see a note and the page's content reloads itself every few seconds
     * until the work is done.
     */
    @GetMapping("/")
    String home(Model model) {
        SwitchyardPrincipal me = CurrentUser.require();
        model.addAttribute("projects",
                this.projects.visible("", false, PageRequest.of(0, 12, Sort.by(Sort.Direction.DESC, "createdAt"))));
        model.addAttribute("notifications", this.notifications.unread(me.getId()));
        model.addAttribute("waiting", this.waiting.forUser(me.getId()));
        boolean admin = me.isAdmin();
        model.addAttribute("backgroundNotes", admin ? this.background.notes() : List.of());
        model.addAttribute("backgroundRunning", admin && this.background.running());
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
