package dev.switchyard.notification;

import java.util.List;

/**
 * One thing waiting for a user on their home page.
 *
 * @param group the message key of its group's heading (e.g. runs to validate)
 * @param message the message key of its text
 * @param arguments the message's arguments
 * @param link where to do it (a path of the application)
 */
public record WaitingItem(String group, String message, List<Object> arguments, String link) {

    public WaitingItem {
        arguments = List.copyOf(arguments);
    }

    /**
     * @return the arguments as the message source takes them
     */
    public Object[] args() {
        return this.arguments.toArray();
    }

}
