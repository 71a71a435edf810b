package dev.switchyard.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users what needs them (a scope waiting for approval), on their home page.
 */
@Service
public class NotificationService {

    private final NotificationRepository notifications;

    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * @param userIds who to tell
     * @param projectId the project it concerns
     * @param message what to say
     * @param link where to look
     */
    @Transactional
    public void notify(Collection<Long> userIds, Long projectId, String message, String link) {
        for (Long userId : userIds) {
            this.notifications.save(new Notification(userId, projectId, message, link, this.clock.instant()));
        }
    }

    /**
     * @param userId a user
     * @return their unread notifications, newest first (at most 20)
     */
    @Transactional(readOnly = true)
    public List<Notification> unread(Long userId) {
        return this.notifications.findTop20ByUserIdAndReadAtIsNullOrderByCreatedAtDesc(userId);
    }

    /**
     * Marks one of the user's notifications read.
     * @param userId the user
     * @param notificationId the notification
     * @return it
     */
    @Transactional
    public Notification open(Long userId, Long notificationId) {
        Notification notification = this.notifications.findById(notificationId)
            .filter((n) -> n.getUserId().equals(userId))
            .orElseThrow(() -> NotFoundException.of("Notification", notificationId));
        if (notification.getReadAt() == null) {
            notification.markRead(this.clock.instant());
        }
        return notification;
    }

}
