package dev.switchyard.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Collects what waits for a user from every {@link WaitingWork} of the application.
 */
@Service
public class Waiting {

    private final ObjectProvider<WaitingWork> sources;

    Waiting(ObjectProvider<WaitingWork> sources) {
        this.sources = sources;
    }

    /**
     * @param userId the signed-in user
     * @return what waits for them, by group heading (message key), in order
     */
    public Map<String, List<WaitingItem>> forUser(long userId) {
        Map<String, List<WaitingItem>> groups = new LinkedHashMap<>();
        this.sources.orderedStream()
            .flatMap((source) -> source.waitingFor(userId).stream())
            .forEach((item) -> groups.computeIfAbsent(item.group(), (g) -> new ArrayList<>()).add(item));
        return groups;
    }

}
