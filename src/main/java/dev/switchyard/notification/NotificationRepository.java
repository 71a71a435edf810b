package dev.switchyard.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Notifications.
 */
public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findTop20ByUserIdAndReadAtIsNullOrderByCreatedAtDesc(Long userId);

}
