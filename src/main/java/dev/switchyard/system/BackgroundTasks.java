package dev.switchyard.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Work Switchyard does in the background after it has started (today: the demo project on
 * a first start), for the home page to tell administrators while it runs, and when it
 * failed. Kept in memory: a restart starts afresh.
 */
@Component
public class BackgroundTasks {

    private final Map<String, Note> notes = new LinkedHashMap<>();

    /**
     * A task has begun.
     * @param name the task (one note per name)
     * @param message the message code of the note shown while it runs
     */
    public synchronized void begun(String name, String message) {
        this.notes.put(name, new Note(name, message, true, null));
    }

    /**
     * A task has finished: its note goes.
     * @param name the task
     */
    public synchronized void finished(String name) {
        this.notes.remove(name);
    }

    /**
     * A task has failed: its note says so until the next start.
     * @param name the task
     * @param message the message code of the note, with one argument
     * @param detail what failed
     */
    public synchronized void failed(String name, String message, String detail) {
        this.notes.put(name, new Note(name, message, false, detail));
    }

    /**
     * @return the notes, in the order the tasks began
     */
    public synchronized List<Note> notes() {
        return new ArrayList<>(this.notes.values());
    }

    /**
     * @return whether a task is still running
     */
    public synchronized boolean running() {
        return this.notes.values().stream().anyMatch(Note::running);
    }

    /**
     * What the home page says about a task.
     *
     * @param name the task
     * @param message the message code
     * @param running whether the task still runs (else it failed)
     * @param detail the message's argument: what failed, or null
     */
    public record Note(String name, String message, boolean running, String detail) {
    }

}
