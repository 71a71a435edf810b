package dev.switchyard.notification;

import java.util.List;

/**
 * Work that waits for a user, contributed by a feature to the user's home page (a
 * tester's runs to validate and validations to decide are one). Unlike a notification, it
 * is worked out afresh each time and disappears once done. Every bean is asked.
 */
public interface WaitingWork {

    /**
     * @param userId the signed-in user
     * @return what waits for them, in the order to show, grouped by
     * {@link WaitingItem#group()}
     */
    List<WaitingItem> waitingFor(long userId);

}
